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
