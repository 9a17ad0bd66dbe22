//! Stance rules on real readout sentences.

use super::*;
use crate::engine::{Link, LinkSource, Options, compare};

/// The shifts `find` gives on one link, drawn by hand between the left sentence containing
/// `l` and the right one containing `r` (whatever the engine links), each text read as its
/// own document (its opener, its issuer).
fn shifts_on(left: &str, right: &str, l: &str, r: &str) -> Vec<Shift> {
    let mut c = compare(left, right, &Options::default());
    let at = |text: &str, sentences: &[crate::engine::Sentence], needle: &str| {
        sentences
            .iter()
            .position(|s| text[s.span.range()].contains(needle))
            .unwrap_or_else(|| panic!("no sentence with {needle:?}"))
    };
    c.links = vec![Link {
        left: at(left, &c.left_sentences, l),
        right: at(right, &c.right_sentences, r),
        kind: LinkKind::Related,
        score: 0.5,
        shared: Vec::new(),
        left_spans: Vec::new(),
        right_spans: Vec::new(),
        source: LinkSource::Engine,
    }];
    let sides = [
        SideTokens::new(left, &c.left_sentences),
        SideTokens::new(right, &c.right_sentences),
    ];
    find(&sides, &c).1
}

fn of_kind(shifts: &[Shift], kind: ShiftKind) -> Option<&Shift> {
    shifts.iter().find(|s| s.kind == kind)
}

// Strength (sentences from the development pairs' readouts).

#[test]
fn a_verb_intensified_on_one_side_only_is_stronger() {
    let left = "They reiterated their unwavering support for Ukraine's independence, \
                sovereignty, and territorial integrity.\n";
    let right = "The two ministers confirmed that Japan and the United States would continue \
                 to work together in response to the current situation in Ukraine.\n";
    let shifts = shifts_on(left, right, "reiterated", "confirmed");
    let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
    assert_eq!(shift.stronger, Some(Stronger::Left));
    // Each verb with what it governs, to the end of its clause.
    assert_eq!(
        shift.left_words,
        "reiterated their unwavering support for Ukraine's independence"
    );
    assert_eq!(shift.right_words, "confirmed");
}

#[test]
fn a_condemnation_against_an_affirmation_is_stronger() {
    let left = "Both leaders condemned the recent North Korean missile launches.\n";
    let right = "They have affirmed continued collaboration in addressing North Korea, such \
                 as the nuclear and missile issues.\n";
    let shifts = shifts_on(left, right, "condemned", "affirmed");
    let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
    assert_eq!(shift.stronger, Some(Stronger::Left));
    assert_eq!(
        shift.left_words,
        "condemned the recent North Korean missile launches"
    );
    assert_eq!(
        shift.right_words,
        "affirmed continued collaboration in addressing North Korea"
    );
}

#[test]
fn a_verb_inside_an_actor_form_still_counts() {
    // "We also addressed" is a joint subject; its verb is a neutral discourse act all the
    // same, and "expressed their deep concern" a boosted expressive.
    let left = "The Prime Minister and Secretary General both expressed their deep concern \
                at the situation in northern Syria.\n";
    let right = "We also addressed arms control and of course also the situation in Northern \
                 Syria.\n";
    let shifts = shifts_on(left, right, "deep concern", "addressed");
    let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
    assert_eq!(shift.stronger, Some(Stronger::Left));
    assert_eq!(
        shift.left_words,
        "expressed their deep concern at the situation in northern Syria"
    );
    assert_eq!(shift.right_words, "addressed arms control");
}

#[test]
fn courtesies_and_same_grade_rewordings_are_not_strength_shifts() {
    // "warmly" is the formula of congratulations, not a stronger position.
    let left = "The president-elect thanked the prime minister for his congratulations.\n";
    let right = "Prime Minister Modi warmly congratulated President-elect Biden on his \
                 election.\n";
    let shifts = shifts_on(left, right, "thanked", "congratulated");
    assert!(
        of_kind(&shifts, ShiftKind::Strength).is_none(),
        "{shifts:#?}"
    );
    // One grade apart, in degree only: "agreed" against "welcomed".
    let left = "The leaders agreed to deepen cooperation on artificial intelligence.\n";
    let right = "The two leaders welcomed the deepening of cooperation on artificial \
                 intelligence.\n";
    let shifts = shifts_on(left, right, "agreed", "welcomed");
    assert!(
        of_kind(&shifts, ShiftKind::Strength).is_none(),
        "{shifts:#?}"
    );
    // The same grade worded otherwise.
    let left = "The two leaders emphasized their commitment to the partnership.\n";
    let right = "Both leaders stressed their commitment to deepen the partnership.\n";
    let shifts = shifts_on(left, right, "emphasized", "stressed");
    assert!(shifts.is_empty(), "{shifts:#?}");
}

#[test]
fn an_obligation_against_a_possibility_is_stronger() {
    let left = "The two sides must resume negotiations on the free trade agreement.\n";
    let right = "The two sides may resume negotiations on the free trade agreement.\n";
    let shifts = shifts_on(left, right, "must", "may");
    let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
    assert_eq!(shift.stronger, Some(Stronger::Left));
    assert_eq!((&*shift.left_words, &*shift.right_words), ("must", "may"));
    // High against median is not: reported speech turns "will" into "would".
    let right = "The two sides would resume negotiations on the free trade agreement.\n";
    let shifts = shifts_on(left, right, "must", "would");
    assert!(
        of_kind(&shifts, ShiftKind::Strength).is_none(),
        "{shifts:#?}"
    );
    // "the vital need to" is a noun, and "May" a month.
    let left = "They spoke of the vital need to resume negotiations, which began in May.\n";
    let right = "They agreed that the negotiations could resume.\n";
    let shifts = shifts_on(left, right, "the vital need to", "could");
    assert!(
        of_kind(&shifts, ShiftKind::Strength).is_none(),
        "{shifts:#?}"
    );
    let left = "They agreed that the negotiations begun in May resume this week.\n";
    let right = "They agreed that the negotiations must resume.\n";
    let shifts = shifts_on(left, right, "May", "must");
    assert!(
        of_kind(&shifts, ShiftKind::Strength).is_none(),
        "{shifts:#?}"
    );
}

#[test]
fn a_denied_verb_takes_no_position() {
    let left = "The two sides did not agree on the text of the communiqué.\n";
    let right = "The two sides discussed the text of the communiqué.\n";
    let shifts = shifts_on(left, right, "did not agree", "discussed");
    assert!(
        of_kind(&shifts, ShiftKind::Strength).is_none(),
        "{shifts:#?}"
    );
}

// Attribution.

#[test]
fn one_journey_credited_to_both_and_to_one_is_an_attribution_shift() {
    let left = "On August 25, in Cambridge Bay, the Prime Minister and the Secretary General \
                visited one of the sites of the North Warning System.\n";
    let right = "On Thursday, he visited a North Warning System radar site in Cambridge \
                 Bay.\n";
    let shifts = shifts_on(left, right, "visited", "visited");
    let shift = of_kind(&shifts, ShiftKind::Attribution).expect("an attribution shift");
    assert_eq!(shift.left_words, "Prime Minister and the Secretary General");
    assert_eq!(shift.right_words, "he");
    assert_eq!(shift.stronger, None);
}

#[test]
fn complementary_acts_are_not_attribution_shifts() {
    // One hosts, both meet: a report of the meeting, not of a position.
    let left = "The Prime Minister hosted Japanese Prime Minister Fumio Kishida at Downing \
                Street this morning.\n";
    let right = "The two leaders met at Downing Street this morning.\n";
    let shifts = shifts_on(left, right, "hosted", "met");
    assert!(
        of_kind(&shifts, ShiftKind::Attribution).is_none(),
        "{shifts:#?}"
    );
    // One thanks, the other pledges: each side credits one party, no point is moved.
    let left = "The Prime Minister spoke with NATO Secretary General Jens Stoltenberg today. \
                The Prime Minister thanked the Secretary General for NATO's support.\n";
    let right = "Secretary General Jens Stoltenberg spoke with Prime Minister Justin Trudeau. \
                 Mr Stoltenberg pledged NATO's support to Canada.\n";
    let shifts = shifts_on(left, right, "thanked", "pledged");
    assert!(
        of_kind(&shifts, ShiftKind::Attribution).is_none(),
        "{shifts:#?}"
    );
}

// Scope.

#[test]
fn a_contrastive_negation_a_deadline_or_a_concession_is_a_scope_shift() {
    let cases = [
        (
            "Underscoring that security is not regional but global, Mr Stoltenberg \
             thanked the Prime Minister.\n",
            "Both recognised that the security of Europe and the Indo-Pacific are \
             inseparable.\n",
            "not regional but global",
            Stronger::Left,
        ),
        (
            "He set out the UK's plan to steadily increase defence spending to 2.5%.\n",
            "The Secretary General welcomed that the UK will spend 2.5% of GDP on defence \
             by 2030.\n",
            "by 2030",
            Stronger::Right,
        ),
        (
            "They both welcomed the lifting of UK import restrictions on products from \
             Fukushima.\n",
            "He also welcomed that the UK's import measures on Fukushima's food products \
             would be lifted, although it took some time.\n",
            "although",
            Stronger::Right,
        ),
    ];
    for (left, right, words, side) in cases {
        let shifts = shifts_on(left, right, ".", ".");
        let shift = of_kind(&shifts, ShiftKind::Scope)
            .unwrap_or_else(|| panic!("no scope shift for {words:?}: {shifts:#?}"));
        assert_eq!(shift.stronger, Some(side));
        let quoted = match side {
            Stronger::Left => &shift.left_words,
            Stronger::Right => &shift.right_words,
        };
        assert_eq!(quoted, words);
    }
}

#[test]
fn an_additive_negation_or_a_list_is_not_a_scope_shift() {
    let left = "The leaders agreed that the partnership is not only about trade but also \
                about security.\n";
    let right = "The leaders agreed to deepen the partnership in trade and security.\n";
    let shifts = shifts_on(left, right, "not only", "deepen");
    assert!(of_kind(&shifts, ShiftKind::Scope).is_none(), "{shifts:#?}");
    let left = "The leaders also discussed their priorities, including containing the \
                pandemic and tackling climate change.\n";
    let right = "The leaders also discussed their priorities.\n";
    let shifts = shifts_on(left, right, "including", "priorities");
    assert!(of_kind(&shifts, ShiftKind::Scope).is_none(), "{shifts:#?}");
}

#[test]
fn builtin_lexicon_parses_with_every_kind() {
    let lexicon = StrengthLexicon::parse(BUILTIN).expect("built-in stance lexicon");
    for kind in [
        "force",
        "booster",
        "hedge",
        "joint",
        "self",
        "meeting",
        "one-party",
        "title",
        "honorific",
        "scope",
        "travel",
        "courtesy",
        "modal",
    ] {
        assert!(lexicon.kind_index(kind).is_some(), "{kind}");
    }
    let grade = |w: &str| lexicon.grade_of(w).map(|(_, g)| g);
    assert!(grade("discussed") < grade("welcomed"));
    assert!(grade("welcomed") < grade("reaffirmed"));
    assert!(grade("reaffirmed") < grade("condemned"));
}

// Courtesy calls (the seed's ministry post).

#[test]
fn a_courtesy_call_is_a_meeting_its_host_reports_not_a_demand() {
    let post = "The U.S. Acting Coordinator for Counterterrorism, Gregory D. LoGerfo, today \
                called on the Deputy Prime Minister/Foreign Minister, Senator Mohammad Ishaq \
                Dar. The DPM/FM Dar was briefed on the discussions held during the Pakistan- \
                U.S. CT Dialogue.\n";
    let c = compare(post, post, &Options::default());
    let attribution = super::attribution(&SideTokens::new(post, &c.left_sentences));
    // The visitor is named with his country, the host is not: the host's side wrote it, and
    // its official is the host, not words of the second sentence ("… held during …").
    assert_eq!(
        attribution.issuer.official,
        "Deputy Prime Minister/Foreign Minister, Senator Mohammad Ishaq Dar"
    );
    assert_eq!(attribution.actors, [Actor::Joint, Actor::Issuer]);
    // "Called on" a person is no demand against a plain report of the same visit.
    let report = "Acting Coordinator Gregory LoGerfo said the dialogue was useful.\n";
    let shifts = shifts_on(post, report, "called on", "said");
    assert!(
        of_kind(&shifts, ShiftKind::Strength).is_none(),
        "{shifts:?}"
    );
}

#[test]
fn calling_on_a_party_to_act_is_still_a_demand() {
    let left = "The ministers called on China to release the detained citizens.\n";
    let right = "The ministers discussed the detained citizens.\n";
    let shifts = shifts_on(left, right, "called on", "discussed");
    let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
    assert_eq!(shift.stronger, Some(Stronger::Left));
}

/// The issuer's official and counterpart as the opener of `text` names them.
fn officials(text: &str) -> (String, String) {
    let c = compare(text, text, &Options::default());
    let issuer = super::attribution(&SideTokens::new(text, &c.left_sentences)).issuer;
    (issuer.official, issuer.counterpart)
}

#[test]
fn an_official_is_named_by_a_designation_not_by_a_clause() {
    // A news report's opener: the subject runs into what they discussed; the window's
    // "Issued by …" line must name people, not quote the clause.
    let (official, _) = officials(
        "US President Joe Biden and Prime Minister Narendra Modi discussed US National \
         Security Advisor Jake Sullivan's upcoming visit to New Delhi during the call made by \
         President Biden to congratulate PM Modi on his electoral win.\n",
    );
    assert_eq!(
        official,
        "US President Joe Biden and Prime Minister Narendra Modi"
    );
    // No connector left hanging, no bracket left open.
    let (_, counterpart) = officials(
        "The President of the European Council Charles Michel spoke today with \
         President-elect Joe Biden and congratulated him on his election.\n",
    );
    assert_eq!(counterpart, "President-elect Joe Biden");
    let (_, counterpart) = officials(
        "Prime Minister Fumio Kishida held a meeting with H.E. Mr. Jens Stoltenberg, \
         Secretary General of the North Atlantic Treaty Organization (NATO) for about 30 \
         minutes.\n",
    );
    assert_eq!(
        counterpart,
        "H.E. Mr. Jens Stoltenberg, Secretary General of the North Atlantic Treaty Organization (NATO)"
    );
}

#[test]
fn a_closing_reporting_clause_credits_its_speaker() {
    // A news agency's account of a call: what "said Wang" closes is Wang's account, though
    // it speaks of both leaders; "he said" after the other minister's words is his.
    let text = "BEIJING, March 8 (Xinhua) -- Chinese Foreign Minister Wang Yi on Tuesday held a \
                phone conversation with Pakistani Foreign Minister Shah Mahmood Qureshi. During \
                the visit in February, the leaders of China and Pakistan communicated in depth \
                on strategic issues, said Wang. For his part, Qureshi congratulated China on \
                the Games. The Pakistani side stands ready to work with China on the \
                consensus of the two countries, he said. The two sides exchanged views on the \
                situation in Ukraine.\n";
    let c = compare(text, text, &Options::default());
    let attribution = super::attribution(&SideTokens::new(text, &c.left_sentences));
    assert_eq!(
        attribution.actors,
        [
            Actor::Joint,
            Actor::Issuer,
            Actor::Counterpart,
            Actor::Counterpart,
            Actor::Joint
        ]
    );
}
