//! History (历史记录): one entry per accepted event, and the transition an event made.

use serde::{Deserialize, Serialize};

use super::events::{EventKind, Step};
use super::states::Node;

/// One accepted event: the step as given (event, actor, time, reason) and the state change it made.
///
/// In JSON the step's fields are flat, next to `from` and `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The event, its actor, time and reason.
    #[serde(flatten)]
    pub step: Step,
    /// The state before (`null` when the event created a 确认单 or 信息表).
    pub from: Option<Node>,
    /// The state after.
    pub to: Node,
}

/// What an accepted event did: one row of the transition table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Transition {
    /// The state before (`None` when the event created a 确认单 or 信息表).
    pub from: Option<Node>,
    /// The event.
    pub event: EventKind,
    /// The new state.
    pub to: Node,
}

impl HistoryEntry {
    /// The transition this entry recorded.
    pub fn transition(&self) -> Transition {
        Transition {
            from: self.from,
            event: self.step.event.kind(),
            to: self.to,
        }
    }
}
