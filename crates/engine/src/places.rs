//! Place names (`data/places.txt`: countries, capitals, continents and
//! cities of 150,000 people or more; sources in `data/SOURCES.md`).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::words::word_list;

/// The place list, one name a line, `#` comments.
const PLACES_TXT: &str = include_str!("../data/places.txt");

static PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_list(PLACES_TXT));

/// True when `name` is written exactly as a place of the list.
pub(crate) fn is_place(name: &str) -> bool {
    PLACES.contains(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_cities_are_places_and_case_counts() {
        assert!(is_place("Australia"));
        assert!(is_place("Seattle"));
        assert!(!is_place("australia"));
        assert!(!is_place("Microsoft"));
    }
}
