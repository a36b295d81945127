//! The page's parts; each renders props and reports events up.

pub mod article;
pub mod banner;
pub mod block;
pub mod cards;
pub mod dictionary;
pub mod graph;
pub mod input;
pub mod inspector;
pub mod legend;
pub mod progress;
pub mod sidebar;
pub mod toolbar;
