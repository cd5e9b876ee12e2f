//! Opening a workshop folder: its manifest, the lesson pack it names, and for each exercise
//! folder the question whose requirements judge it.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use super::WorkshopError;
use super::files::DOCKERFILE;
use super::manifest::{EXERCISES, Manifest};
use crate::course::{Course, Lesson};
use crate::progress::moved::moved_to;
use crate::quiz::{Exercise, Question, QuestionKind, QuizBook};

/// An opened workshop: everything `watch` needs to judge the exercise files.
#[derive(Debug, Clone)]
pub struct Workshop {
    pub root: PathBuf,
    pub manifest: Manifest,
    /// In the manifest's order.
    pub exercises: Vec<WorkshopExercise>,
}

#[derive(Debug, Clone)]
pub struct WorkshopExercise {
    /// The folder's name under `exercises/`.
    pub folder: String,
    pub lesson_id: String,
    pub question: Question,
    pub exercise: Exercise,
}

/// A pack's lessons and quizzes, and what failed to load in them (for warnings).
pub(crate) struct Pack {
    pub course: Course,
    pub book: QuizBook,
}

impl Pack {
    /// The bundled pack, or the one in `dir`.
    pub(crate) fn load(dir: Option<&Path>) -> Result<Pack, WorkshopError> {
        let course = match dir {
            None => Course::bundled(),
            Some(dir) => Course::load_dir(dir)?,
        };
        let book = QuizBook::for_course(&course);
        Ok(Pack { course, book })
    }

    /// Only the lessons and questions of `workshop`'s exercises: a workshop's scores count
    /// its exercises ("3/5"), not every question of the pack ("1/56").
    pub(crate) fn narrowed_to(mut self, workshop: &Workshop) -> Pack {
        let wanted: HashSet<(&str, &str)> = workshop
            .exercises
            .iter()
            .map(|e| (e.lesson_id.as_str(), e.question.id.as_str()))
            .collect();
        for quiz in &mut self.book.quizzes {
            let lesson = quiz.lesson_id.as_str();
            quiz.questions
                .retain(|q| wanted.contains(&(lesson, q.id.as_str())));
        }
        self.book.quizzes.retain(|q| !q.questions.is_empty());
        let book = &self.book;
        self.course
            .lessons
            .retain(|l| book.for_lesson(&l.id).is_some());
        self
    }

    /// Every Dockerfile exercise, in lesson order then question order.
    pub(crate) fn exercises(&self) -> Vec<(&Lesson, &Question, &Exercise)> {
        let mut found = Vec::new();
        for lesson in &self.course.lessons {
            let Some(quiz) = self.book.for_lesson(&lesson.id) else {
                continue;
            };
            for question in &quiz.questions {
                if let QuestionKind::Dockerfile(exercise) = &question.kind {
                    found.push((lesson, question, exercise.as_ref()));
                }
            }
        }
        found
    }
}

impl Workshop {
    /// Opens the workshop in `dir`. `lessons` replaces the pack the manifest names (an
    /// instructor trying a changed pack on an existing folder).
    pub fn open(dir: &Path, lessons: Option<&Path>) -> Result<Workshop, WorkshopError> {
        let manifest = Manifest::read(dir)?;
        if !dir.join(EXERCISES).is_dir() {
            return Err(WorkshopError::Manifest {
                path: dir.join(EXERCISES),
                message: format!(
                    "the exercises folder is missing; `dockerlings workshop init {}` writes it \
                     again (keeping edited files)",
                    dir.display()
                ),
            });
        }
        let pack_dir = lessons
            .map(Path::to_path_buf)
            .or_else(|| manifest.pack_dir(dir));
        let pack = Pack::load(pack_dir.as_deref())?;
        let mut exercises = Vec::new();
        for entry in &manifest.exercises {
            let unknown = || WorkshopError::UnknownExercise {
                manifest: dir.join(super::MANIFEST),
                folder: entry.folder.clone(),
                lesson: entry.lesson.clone(),
                question: entry.question.clone(),
            };
            // A manifest written before a question moved names its old lesson.
            let lesson = match pack.book.question(&entry.lesson, &entry.question) {
                Some(_) => entry.lesson.as_str(),
                None => moved_to(&entry.lesson, &entry.question).ok_or_else(unknown)?,
            };
            let question = pack
                .book
                .question(lesson, &entry.question)
                .ok_or_else(unknown)?;
            let QuestionKind::Dockerfile(exercise) = &question.kind else {
                return Err(unknown());
            };
            if !is_plain_name(&entry.folder) {
                return Err(WorkshopError::Manifest {
                    path: dir.join(super::MANIFEST),
                    message: format!("exercise folder `{}` must be a plain name", entry.folder),
                });
            }
            exercises.push(WorkshopExercise {
                folder: entry.folder.clone(),
                lesson_id: lesson.to_string(),
                question: question.clone(),
                exercise: exercise.as_ref().clone(),
            });
        }
        if exercises.is_empty() {
            return Err(WorkshopError::NoExercises);
        }
        Ok(Workshop {
            root: dir.to_path_buf(),
            manifest,
            exercises,
        })
    }

    /// The folder of exercise `index`.
    pub fn folder(&self, index: usize) -> PathBuf {
        self.root
            .join(EXERCISES)
            .join(&self.exercises[index].folder)
    }

    /// The Dockerfile of exercise `index`.
    pub fn dockerfile(&self, index: usize) -> PathBuf {
        self.folder(index).join(DOCKERFILE)
    }

    /// The folder that holds every exercise folder (what the watcher watches).
    pub fn exercises_dir(&self) -> PathBuf {
        self.root.join(EXERCISES)
    }

    /// Which exercise a changed path concerns: its Dockerfile, or its folder itself (removed
    /// or recreated). Editors' swap and backup files are not the exercise.
    pub(crate) fn exercise_of(&self, path: &Path) -> Option<usize> {
        let base = self.exercises_dir();
        let rest = path
            .strip_prefix(&base)
            .ok()
            .or_else(|| path.strip_prefix(base.canonicalize().ok()?).ok())?;
        let mut parts = rest.components();
        let folder = parts.next()?.as_os_str().to_str()?;
        let index = self.exercises.iter().position(|e| e.folder == folder)?;
        match parts.next() {
            None => Some(index),
            Some(name) if name.as_os_str() == DOCKERFILE && parts.next().is_none() => Some(index),
            Some(_) => None,
        }
    }
}

fn is_plain_name(name: &str) -> bool {
    let mut parts = Path::new(name).components();
    matches!(parts.next(), Some(Component::Normal(_))) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_pack_lists_its_exercises_in_order() {
        let pack = Pack::load(None).unwrap();
        let exercises = pack.exercises();
        assert!(exercises.len() >= 2);
        let orders: Vec<i64> = exercises.iter().map(|(l, _, _)| l.order).collect();
        assert!(orders.windows(2).all(|w| w[0] <= w[1]), "{orders:?}");
    }

    #[test]
    fn plain_names_only() {
        assert!(is_plain_name("01-a"));
        assert!(!is_plain_name("../a"));
        assert!(!is_plain_name("a/b"));
        assert!(!is_plain_name("/a"));
        assert!(!is_plain_name(""));
    }
}
