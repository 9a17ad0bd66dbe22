//! The sample statements bundled into the binary (the files under `samples/`), so a new user
//! sees a real comparison without opening anything.

use crate::load::Document;

/// One bundled sample: its file name and text.
pub struct Sample {
    /// File name under `samples/`.
    pub file: &'static str,
    /// Who issued it and what it is, for menus.
    pub title: &'static str,
    /// The text.
    pub text: &'static str,
}

/// Every bundled sample, in the order menus list them.
pub const SAMPLES: &[Sample] = &[
    Sample {
        file: "us-embassy-x-post.txt",
        title: "US Embassy: post on X",
        text: include_str!("../samples/us-embassy-x-post.txt"),
    },
    Sample {
        file: "fo-joint-press-statement.txt",
        title: "Pakistan Foreign Office: joint press statement",
        text: include_str!("../samples/fo-joint-press-statement.txt"),
    },
    Sample {
        file: "article-paraphrase-of-embassy-post.txt",
        title: "News article: paraphrase of the embassy post",
        text: include_str!("../samples/article-paraphrase-of-embassy-post.txt"),
    },
    Sample {
        file: "pakistan-mofa-post-call-on-dar.txt",
        title: "Pakistan foreign ministry: post on the call on Ishaq Dar",
        text: include_str!("../samples/pakistan-mofa-post-call-on-dar.txt"),
    },
    Sample {
        file: "article-paraphrase-of-mofa-post.txt",
        title: "News article: paraphrase of the ministry post",
        text: include_str!("../samples/article-paraphrase-of-mofa-post.txt"),
    },
    Sample {
        file: "article-full.txt",
        title: "News article: the whole report",
        text: include_str!("../samples/article-full.txt"),
    },
];

impl Sample {
    /// The sample as a document named after its file.
    pub fn document(&self) -> Document {
        Document::from_text(self.file, self.text)
    }
}

/// The pair the window opens with: the embassy's post against the Foreign Office statement.
pub fn default_pair() -> (Document, Document) {
    (SAMPLES[0].document(), SAMPLES[1].document())
}
