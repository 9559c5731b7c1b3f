//! Problems that stop a command (exit status 2): bad arguments, an unreadable
//! configuration, an unwritable output. Problems inside a submission are findings instead.

use crate::messages::Msg;

/// A problem that stops the command; its message is shown and the process exits with 2.
#[derive(Debug, Clone, PartialEq)]
pub struct Fatal(pub Msg);
