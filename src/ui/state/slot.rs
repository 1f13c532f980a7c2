//! One kind of work the window runs at most once at a time, and its last answer.

use super::{Problem, Work};
use crate::jobs::{self, Outcome, Task};

/// One kind of work the window runs at most once at a time, and its last answer.
pub struct Slot<T: Send + 'static> {
    task: Option<Task<T>>,
    answer: Option<Outcome<T>>,
    answers: u64,
}

impl<T: Send + 'static> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            task: None,
            answer: None,
            answers: 0,
        }
    }
}

impl<T: Send + 'static> Slot<T> {
    /// Starts `work`, cancelling the one under way.
    pub fn start<F>(&mut self, work: &Work, future: F)
    where
        F: std::future::Future<Output = T> + Send + 'static,
    {
        self.cancel();
        self.task = Some(jobs::spawn(&work.runtime, &work.wake, future));
    }

    /// Takes in the answer when it came; true when one did.
    pub fn poll(&mut self) -> bool {
        match jobs::take_finished(&mut self.task) {
            Some(answer) => {
                self.answer = Some(answer);
                self.answers += 1;
                true
            }
            None => false,
        }
    }

    pub fn is_running(&self) -> bool {
        self.task.is_some()
    }

    pub fn cancel(&mut self) {
        if let Some(task) = self.task.as_mut() {
            task.cancel();
        }
    }

    /// Takes the answer out (to act on it once).
    pub fn take_answer(&mut self) -> Option<Outcome<T>> {
        self.answer.take()
    }

    /// How many answers came so far: a view that reacts to a new one remembers the count.
    pub fn answers(&self) -> u64 {
        self.answers
    }
}

impl Slot<Result<String, Problem>> {
    /// Work that answers with a sentence: what to tell the recruiter once it came, and
    /// whether it is a problem.
    pub fn take_said(&mut self) -> Option<(bool, Problem)> {
        if !self.poll() {
            return None;
        }
        match self.take_answer()? {
            Ok(Ok(text)) => Some((false, text.into())),
            Ok(Err(problem)) => Some((true, problem)),
            Err(e) => Some((true, e.to_string().into())),
        }
    }
}
