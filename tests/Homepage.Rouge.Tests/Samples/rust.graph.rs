//! Graph utilities.
#![allow(dead_code)]
use std::collections::{HashMap, VecDeque};

/// A directed graph.
#[derive(Debug, Clone, Default)]
pub struct Graph<T: Eq + std::hash::Hash> {
    edges: HashMap<T, Vec<T>>,
}

impl<T: Eq + std::hash::Hash + Clone> Graph<T> {
    pub fn new() -> Self { Self { edges: HashMap::new() } }

    pub fn add(&mut self, a: T, b: T) -> &mut Self {
        self.edges.entry(a).or_insert_with(Vec::new).push(b);
        self
    }

    pub async fn bfs<'a>(&'a self, start: &T) -> Option<Vec<T>> {
        let mut queue: VecDeque<T> = VecDeque::new();
        queue.push_back(start.clone());
        let x = 0x1F_u32 + 0b1010 + 0o17 + 1_000i64 as u32;
        let y = 3.14f64 * 2.5e-3 + 1.;
        let c = b'a'; let s = "tab\t\"quoted\" \u{1F600}"; let r = r#"raw "str""#;
        /* block /* nested */ comment */
        match queue.len() { 0 => None, n if n > 1 => Some(vec![start.clone()]), _ => { println!("{} {} {}", x, y, s); None } }
    }
}

macro_rules! square { ($x:expr) => { $x * $x }; }

fn main() {
    let mut g: Graph<&str> = Graph::new();
    g.add("a", "b").add("b", "c");
    assert_eq!(square!(3), 9, "squares {}", 'x');
}

// ---- parsing front matter, with lifetimes, traits and macros ----
use std::fmt::{self, Display, Formatter};
use std::str::FromStr;

#[derive(Debug, PartialEq, Eq, Hash, Clone, Copy, PartialOrd, Ord)]
pub enum Level {
    Info = 1,
    Warn,
    Error,
}

#[derive(Debug)]
pub enum ParseError<'a> {
    MissingFence,
    BadLine { line: usize, text: &'a str },
    Io(std::io::Error),
}

impl Display for ParseError<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::MissingFence => write!(f, "no closing `---`"),
            ParseError::BadLine { line, text } => write!(f, "line {line}: {text:?}"),
            ParseError::Io(e) => write!(f, "io: {}", e),
        }
    }
}

impl std::error::Error for ParseError<'_> {}

pub struct FrontMatter<'src> {
    pub fields: Vec<(&'src str, &'src str)>,
    pub body: &'src str,
}

pub fn parse(source: &str) -> Result<FrontMatter<'_>, ParseError<'_>> {
    let rest = source.strip_prefix("---\n").ok_or(ParseError::MissingFence)?;
    let end = rest.find("\n---\n").ok_or(ParseError::MissingFence)?;
    let mut fields = Vec::with_capacity(8);
    for (i, line) in rest[..end].lines().enumerate() {
        if line.trim_start().starts_with('#') || line.is_empty() {
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) => fields.push((key.trim(), value.trim())),
            None => return Err(ParseError::BadLine { line: i + 2, text: line }),
        }
    }
    Ok(FrontMatter { fields, body: &rest[end + 5..] })
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "info" => Level::Info,
            "warn" | "warning" => Level::Warn,
            "error" => Level::Error,
            other => return Err(format!("unknown level {other}")),
        })
    }
}

macro_rules! hashmap {
    ($($k:expr => $v:expr),* $(,)?) => {{
        let mut map = ::std::collections::HashMap::new();
        $(map.insert($k, $v);)*
        map
    }};
}

pub trait Summary {
    const LIMIT: usize = 80;
    fn summary(&self) -> String;
    fn short(&self) -> String where Self: Sized {
        self.summary().chars().take(Self::LIMIT).collect()
    }
}

unsafe fn raw_sum(ptr: *const u32, len: usize) -> u64 {
    (0..len).map(|i| *ptr.add(i) as u64).sum()
}

pub async fn demo() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let doc = parse("---\ntitle: Hello\nyear: 2024\n---\nbody")?;
    let levels = hashmap! { "a" => Level::Info, "b" => "warn".parse::<Level>()? };
    let numbers = [0x1F_u8 as u64, 0o17, 0b1010_1010, 1_000_000u64, 2u64.pow(10)];
    let floats = (1.5e-3_f64, 2.0f32, .5_f64.max(1e3));
    let bytes = b"bytes\x00\n";
    let raw = r#"raw "string" \n"#;
    let ch = '\u{1F600}';
    let sum = unsafe { raw_sum([1u32, 2, 3].as_ptr(), 3) };
    if let Some(&(key, value)) = doc.fields.first() {
        println!("{key} = {value:>10} {:?} {:.2?} {} {} {}", levels.get("a"), floats, raw, ch, sum + numbers.iter().sum::<u64>());
    }
    let _ = (bytes, 'label: loop { break 'label 42 });
    Ok(())
}
