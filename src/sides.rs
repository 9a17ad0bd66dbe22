//! Two of a thing, one per side of a comparison: the pair's documents, what each column shows,
//! what a job takes for each side.
//!
//! [`Sides`] is a struct of exactly two fields, so a pair can never hold one document or three,
//! and it is read by [`Side`] (`sides[side]`) or by name (`sides.left`), never by a 0/1 index.
//! It lives apart from the engine and the window so that both can use it.

use std::ops::{Index, IndexMut};

use crate::engine::Side;

/// One `T` for each side: the left's and the right's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Sides<T> {
    /// The left document's.
    pub left: T,
    /// The right document's.
    pub right: T,
}

impl<T> Sides<T> {
    /// The left's and the right's.
    pub const fn new(left: T, right: T) -> Self {
        Self { left, right }
    }

    /// Each side's from a function of the side (called for the left first).
    pub fn from_fn(mut f: impl FnMut(Side) -> T) -> Self {
        let left = f(Side::Left);
        let right = f(Side::Right);
        Self { left, right }
    }

    /// Each side's passed through `f` (the left first).
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Sides<U> {
        let left = f(self.left);
        let right = f(self.right);
        Sides { left, right }
    }

    /// Each side's with its side, passed through `f` (the left first).
    pub fn map_with_side<U>(self, mut f: impl FnMut(Side, T) -> U) -> Sides<U> {
        let left = f(Side::Left, self.left);
        let right = f(Side::Right, self.right);
        Sides { left, right }
    }

    /// Borrows each side's.
    pub const fn as_ref(&self) -> Sides<&T> {
        Sides {
            left: &self.left,
            right: &self.right,
        }
    }

    /// Borrows each side's mutably.
    pub fn as_mut(&mut self) -> Sides<&mut T> {
        Sides {
            left: &mut self.left,
            right: &mut self.right,
        }
    }

    /// Each side's paired with the same side's of `other`.
    pub fn zip<U>(self, other: Sides<U>) -> Sides<(T, U)> {
        Sides {
            left: (self.left, other.left),
            right: (self.right, other.right),
        }
    }

    /// The left's, then the right's.
    pub fn iter(&self) -> std::array::IntoIter<&T, 2> {
        [&self.left, &self.right].into_iter()
    }

    /// The left's, then the right's, each with its side.
    pub fn iter_with_side(&self) -> std::array::IntoIter<(Side, &T), 2> {
        [(Side::Left, &self.left), (Side::Right, &self.right)].into_iter()
    }

    /// The right's on the left and the left's on the right.
    pub fn swap(&mut self) {
        std::mem::swap(&mut self.left, &mut self.right);
    }

    /// The left's and the right's, in that order, as an array (to destructure them).
    pub fn into_array(self) -> [T; 2] {
        [self.left, self.right]
    }
}

impl<T: std::ops::Deref> Sides<T> {
    /// Borrows what each side's points to (`Sides<Arc<Document>>` to `Sides<&Document>`).
    pub fn as_deref(&self) -> Sides<&T::Target> {
        Sides {
            left: &*self.left,
            right: &*self.right,
        }
    }
}

impl<T> Index<Side> for Sides<T> {
    type Output = T;

    fn index(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

impl<T> IndexMut<Side> for Sides<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }
}

impl<T> IntoIterator for Sides<T> {
    type Item = T;
    type IntoIter = std::array::IntoIter<T, 2>;

    /// The left's, then the right's.
    fn into_iter(self) -> Self::IntoIter {
        self.into_array().into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Sides<T> {
    type Item = &'a T;
    type IntoIter = std::array::IntoIter<&'a T, 2>;

    /// The left's, then the right's.
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T> From<(T, T)> for Sides<T> {
    /// The left's and the right's, in that order.
    fn from((left, right): (T, T)) -> Self {
        Self { left, right }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_side_reads_its_own_and_iteration_goes_left_then_right() {
        let mut sides = Sides::from_fn(Side::name);
        assert_eq!(sides[Side::Left], "left");
        assert_eq!(sides[Side::Right], "right");
        assert_eq!(sides.iter().copied().collect::<Vec<_>>(), ["left", "right"]);
        sides[Side::Right] = "other";
        assert_eq!(sides.right, "other");
        sides.swap();
        assert_eq!(sides.into_array(), ["other", "left"]);
    }

    #[test]
    fn map_and_zip_keep_each_side_on_its_side() {
        let lengths = Sides::new("ab", "cde").map(str::len);
        assert_eq!(lengths, Sides::new(2, 3));
        let zipped = lengths.zip(Sides::new('l', 'r'));
        assert_eq!(zipped, Sides::new((2, 'l'), (3, 'r')));
        let sided = Sides::new(1, 2).map_with_side(|side, n| (side, n));
        assert_eq!(sided, Sides::new((Side::Left, 1), (Side::Right, 2)));
    }
}
