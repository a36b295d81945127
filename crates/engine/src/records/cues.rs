//! Word lists that the records read: what stops a party scan, what makes a company a
//! modifier or a mention definite, and what dates a report or places a deal in the past or
//! in proposal. They live together here until they move to the global word-list registry;
//! the pattern tables (`VERBS`, `PURPOSES`) stay in `frames`.

/// Words right after a company that make it a modifier, not a party ("OpenAI rivals", "its HIS unit").
pub(super) const MODIFIER_NOUNS: &[&str] = &[
    "rival",
    "rivals",
    "executive",
    "executives",
    "researcher",
    "researchers",
    "founder",
    "founders",
    "co-founder",
    "cofounder",
    "employee",
    "employees",
    "engineers",
    "staff",
    "shares",
    "share",
    "stock",
    "shareholders",
    "investors",
    "unit",
    "division",
    "subsidiary",
    "arm",
    "business",
    "businesses",
    "products",
    "product",
    "services",
    "service",
    "devices",
    "phones",
    "laptops",
    "paper",
    "platform",
    "team",
    "chips",
    "software",
    "search",
    "giant",
    "maker",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ceo",
    "chief",
    "data",
    "users",
    "customers",
    "model",
    "models",
    "store",
    "stores",
    "brand",
    "technology",
    "cloud",
    "ai",
];

/// Nouns that end a description before a company's name ("engineering services company X").
pub(super) const COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "startup",
    "start-up",
    "group",
    "bank",
    "maker",
    "provider",
    "giant",
    "operator",
    "developer",
    "retailer",
    "lender",
    "insurer",
    "chipmaker",
    "automaker",
    "carmaker",
    "specialist",
    "conglomerate",
    "supplier",
];

/// Words that end the scan for a subject to the left of a trigger ("but", "after", "unlike").
pub(super) const LEFT_STOPS: &[&str] = &[
    "but",
    "while",
    "whereas",
    "although",
    "though",
    "after",
    "before",
    "because",
    "however",
    "when",
    "if",
    "unless",
    "since",
    "follows",
    "following",
    "than",
    "like",
    "unlike",
    "against",
];

/// Words that end the scan for an object to the right of a trigger ("that", "said", "amid").
pub(super) const RIGHT_STOPS: &[&str] = &[
    "that", "which", "who", "whom", "where", "while", "but", "said", "says", "told", "after", "because", "when",
    "although", "though", "whereas", "than", "like", "unlike", "amid", "against", "whose", "since",
];

/// Prepositions through which a mention reaches its parties ("a deal with Y", "the acquisition of Y").
pub(super) const MENTION_PREPS: &[&str] = &[
    "with",
    "between",
    "of",
    "in",
    "into",
    "for",
    "from",
    "by",
    "among",
    "involving",
];

/// Words before a mention that make it definite, a reference to a deal already told ("the deal").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such",
];

/// Words between a determiner and a mention, outside its span ("the proposed deal", "its first investment").
pub(super) const PRE_MENTION: &[&str] = &[
    "new",
    "proposed",
    "potential",
    "possible",
    "reported",
    "definitive",
    "agreed",
    "planned",
    "final",
    "latest",
    "recent",
    "earlier",
    "previous",
    "existing",
    "original",
    "full",
    "whopping",
    "fresh",
    "first",
    "same",
    "own",
    "whole",
    "entire",
];

/// Words that stand in for a subject named earlier ("it", "the company"), left of a trigger.
pub(super) const PRONOUN_SUBJECTS: &[&str] = &["it", "they", "company", "firm", "group", "companies", "firms"];

/// Words before a trigger that make the deal only proposed ("considering a deal").
pub(super) const PROPOSAL_CUES: &[&str] = &[
    "proposed",
    "potential",
    "possible",
    "considering",
    "exploring",
    "mulling",
    "proposal",
];

/// Phrases that place a reported deal in the past when no year does ("years ago").
pub(super) const PAST_CUES: &[&str] = &["years ago", "previously", "in the past", "last year"];

/// Month names that start a date ("February 23", "March").
pub(super) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Phrases that date a report relative to it ("yesterday", "earlier this year").
pub(super) const RELATIVE_DATES: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "this week",
    "last week",
    "this month",
    "last month",
    "this year",
    "last year",
    "earlier this week",
    "earlier this year",
];

/// Weekday names that date a report ("on Wednesday").
pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
