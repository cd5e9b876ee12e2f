//! Build-time work, one module per job: embedding the bundled lesson pack and precompiling
//! the highlighting assets, so start-up parses neither.

#[path = "build/highlight.rs"]
mod highlight;
#[path = "build/lessons.rs"]
mod lessons;

fn main() {
    lessons::embed();
    lessons::embed_quizzes();
    highlight::precompile();
}
