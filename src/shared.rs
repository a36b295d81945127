//! [`Shared`]: a large value handed to many components and hooks, compared
//! by identity.
//!
//! Yew compares props and hook dependencies on every render. Comparing two
//! annotations of a long article field by field costs tens of thousands of
//! string comparisons; whether it is the same allocation costs one. A new
//! value always comes with a new allocation here (the engine's output, a
//! memo's result), so identity is the right question. (`Rc<str>` itself
//! compares contents: std's pointer shortcut only covers sized types.)

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A reference-counted value whose equality is identity.
pub struct Shared<T: ?Sized>(Rc<T>);

/// The article text as the page passes it around.
pub type Text = Shared<str>;

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T: ?Sized> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Identity is an equivalence.
impl<T: ?Sized> Eq for Shared<T> {}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared::new(T::default())
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Shared(Rc::from(text))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Shared(Rc::from(text))
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::from("")
    }
}

impl<T: ?Sized> Serialize for Shared<T>
where
    Rc<T>: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: ?Sized> Deserialize<'de> for Shared<T>
where
    Rc<T>: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Rc::<T>::deserialize(deserializer).map(Shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_to_itself_and_its_clones() {
        let a = Shared::new(vec![1, 2, 3]);
        let b = Shared::new(vec![1, 2, 3]);
        assert_eq!(a, a.clone());
        assert_ne!(a, b, "same contents, different values");
        assert_eq!(*a, *b);
        let t = Text::from("same words");
        assert_eq!(t, t.clone());
        assert_ne!(t, Text::from("same words"));
    }

    #[test]
    fn text_round_trips_through_json_as_a_string() {
        let t = Text::from("Acme ✓");
        let json = serde_json::to_string(&t).unwrap_or_default();
        assert_eq!(json, "\"Acme ✓\"");
        let back: Text = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(&*back, "Acme ✓");
    }
}
