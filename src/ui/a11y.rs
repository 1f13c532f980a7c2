//! What a screen reader is told beyond egui's defaults: where the keyboard lands when a view
//! opens (its first field), and which labels are status messages to announce.

use egui::accesskit::{Live, Role};
use egui::{Context, Id, Response};

use super::settings::View;

fn first_field_due() -> Id {
    Id::unique("a11y-first-field-due")
}

/// Asks that `view`'s first field take the keyboard focus the next time it is drawn.
pub fn open_view(ctx: &Context, view: View) {
    ctx.data_mut(|d| d.insert_temp(first_field_due(), view));
}

/// Marks `field` as the first field of `view`: it takes the focus when the view was just
/// opened, so typing (and a screen reader) starts there.
pub fn first_field(field: &Response, view: View) {
    let due = field.ctx.data_mut(|d| {
        let due = d.get_temp::<View>(first_field_due()) == Some(view);
        if due {
            d.remove::<View>(first_field_due());
        }
        due
    });
    if due {
        field.request_focus();
    }
}

/// A view's or a dialog's title, read as a heading (egui draws it as a plain label), so a
/// screen reader can jump from one to the next.
pub fn heading(ui: &mut egui::Ui, text: impl Into<egui::RichText>) -> Response {
    let response = ui.heading(text);
    response.ctx.accesskit_node_builder(response.id, |node| {
        if node.label().is_none()
            && let Some(text) = node.value().map(str::to_owned)
        {
            node.set_label(text);
        }
        node.set_role(Role::Heading);
        node.set_level(1);
    });
    response
}

/// Marks `label` as a status message: read as a status, and announced when it changes.
pub fn status(label: &Response) {
    label.ctx.accesskit_node_builder(label.id, |node| {
        // egui gives a label its text as a value; a status is named by its label.
        if node.label().is_none()
            && let Some(text) = node.value().map(str::to_owned)
        {
            node.set_label(text);
        }
        node.set_role(Role::Status);
        node.set_live(Live::Polite);
    });
}
