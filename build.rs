//! Build-time work, one module per job: embedding the bundled lesson pack and precompiling
//! the highlighting assets and turning the image table into JSON, so start-up parses none of
//! them.

#[path = "build/highlight.rs"]
mod highlight;
#[path = "build/images.rs"]
mod images;
#[path = "build/lessons.rs"]
mod lessons;

fn main() {
    lessons::embed();
    lessons::embed_quizzes();
    highlight::precompile();
    images::convert();
}
