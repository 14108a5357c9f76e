/* nichiro-timeline-canvas-goto.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-timeline-canvas-private.h"

/* Going to a date: typing a digit on the canvas, or Control+G, opens a
 * small popover with an entry ("1905", "1905-09" or "1905-09-05"); Enter
 * selects the first entry shown on or after that date, as a step of a
 * walk, and brings it into view. A date that cannot be read is said so
 * under the entry, which keeps what was typed. The popover is made the
 * first time it is needed. */

static void
goto_activate_cb (NichiroTimelineCanvas *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->goto_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  NichiroDate date;
  guint target, from;
  double time;

  if (self->model == NULL)
    return;

  if (!nichiro_date_parse (stripped, &date))
    {
      gtk_label_set_text (self->goto_error, _("Type a year such as 1905, or a date such as 1905-09-05."));
      gtk_widget_set_visible (GTK_WIDGET (self->goto_error), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->goto_entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self->goto_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* The first entry shown from that day on, else the last before it. */
  time = nichiro_timeline_date_to_time (&date);
  from = nichiro_timeline_model_first_at_or_after (self->model, time);
  if (_nichiro_timeline_canvas_shown_from (self, from, 1, &target) ||
      _nichiro_timeline_canvas_shown_from (self, (gint64) from - 1, -1, &target))
    _nichiro_timeline_canvas_walk_to_index (self, target);
  else
    _nichiro_timeline_canvas_show_time (self, time);
}

static void
goto_changed_cb (NichiroTimelineCanvas *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->goto_error), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->goto_entry), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
ensure_goto_popover (NichiroTimelineCanvas *self)
{
  GtkWidget *box, *label;

  if (self->goto_popover != NULL)
    return;

  self->goto_popover = gtk_popover_new ();
  gtk_widget_set_parent (self->goto_popover, GTK_WIDGET (self));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  label = gtk_label_new_with_mnemonic (_("_Go to Year or Date"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  self->goto_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->goto_entry, _("1905, 1905-09 or 1905-09-05"));
  gtk_entry_set_input_purpose (self->goto_entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->goto_entry));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->goto_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_signal_connect_object (self->goto_entry, "activate", G_CALLBACK (goto_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->goto_entry, "changed", G_CALLBACK (goto_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->goto_entry));

  self->goto_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->goto_error, TRUE);
  gtk_label_set_max_width_chars (self->goto_error, 30);
  gtk_label_set_xalign (self->goto_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->goto_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->goto_error), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->goto_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->goto_error, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->goto_error));

  gtk_popover_set_child (GTK_POPOVER (self->goto_popover), box);
}

/* Opens the popover with @typed (a first digit) already in the entry. */
void
_nichiro_timeline_canvas_open_goto (NichiroTimelineCanvas *self,
                                    const char            *typed)
{
  double width = _nichiro_timeline_canvas_get_width (self);
  GdkRectangle area = { (int) (width / 2) - 1, (int) _nichiro_timeline_canvas_lanes_top (self), 2, 2 };

  ensure_goto_popover (self);
  gtk_editable_set_text (GTK_EDITABLE (self->goto_entry), typed != NULL ? typed : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->goto_popover), &area);
  gtk_popover_popup (GTK_POPOVER (self->goto_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self->goto_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->goto_entry), -1);
}
