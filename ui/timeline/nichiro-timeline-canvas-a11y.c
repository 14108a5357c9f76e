/* nichiro-timeline-canvas-a11y.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-in-force.h"
#include "nichiro-timeline-canvas-private.h"

/* What a screen reader hears of the canvas. It is one stop in the focus
 * chain with the role of a list; its accessible name is what the keyboard
 * is on (the selected entry, or a "+N" cluster), and its description adds
 * the entry's lifecycle, whether it matches the search, and the keys.
 * While the keys move the date cursor, its name is the cursor's day and
 * how many instruments were in force then, and its description names
 * them: the core's answer, nichiro_in_force_on(), as the line under the
 * axis gives it. The
 * same entries are a real list one key away (Ctrl+L, in
 * nichiro-timeline.c). */

static char *
dup_item_label (const NichiroTimelineItem *item)
{
  NichiroEntry *entry = item->entry;
  g_autofree char *dates = nichiro_entry_dup_date_span (entry);

  /* Translators: what a screen reader says for an entry on the timeline:
   * its title, its kind and its date, e.g. "Treaty of Portsmouth, Treaty,
   * 5 September 1905" */
  return g_strdup_printf (_("%s, %s, %s"),
                          item->title,
                          nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)),
                          dates);
}

static char *
dup_lifecycle_text (NichiroEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *signed_text = nichiro_date_format (nichiro_entry_get_date (entry));
  const NichiroLifecycleStep *steps;
  guint n_steps;

  steps = nichiro_entry_get_lifecycle (entry, &n_steps);
  if (n_steps == 0)
    return NULL;

  /* Translators: the first step of a treaty's lifecycle, with its date */
  g_string_append_printf (text, _("Signed %s."), signed_text);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *when = nichiro_date_format (&steps[i].date);

      /* Translators: a step of a treaty's lifecycle and its date, e.g.
       * "In force 25 April 1941." */
      g_string_append_printf (text, _(" %s %s."), nichiro_stage_get_label (steps[i].stage), when);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_cursor_label (NichiroTimelineCanvas *self,
                  gint64                 cursor,
                  GString               *description)
{
  NichiroDate day = nichiro_date_from_julian_day (cursor);
  g_autofree char *day_text = nichiro_date_format (&day);
  g_autoptr(GPtrArray) in_force = nichiro_in_force_on (nichiro_session_get_dataset (self->session), &day);

  if (in_force->len == 0)
    /* Translators: what a screen reader says as the date cursor moves; %s is a date */
    return g_strdup_printf (_("Date cursor on %s, nothing in force"), day_text);

  for (guint i = 0; i < in_force->len; i++)
    {
      const NichiroInForce *item = g_ptr_array_index (in_force, i);

      g_string_append (description, nichiro_session_get_title (self->session, item->entry));
      if (item->force == NICHIRO_FORCE_DISPUTED)
        g_string_append (description, _(" (disputed)"));
      g_string_append (description, i + 1 < in_force->len ? _(", ") : ". ");
    }

  /* Translators: what a screen reader says as the date cursor moves; %s
   * is a date, %u how many treaties were in force that day */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Date cursor on %s, %u in force",
                                       "Date cursor on %s, %u in force",
                                       in_force->len),
                          day_text, in_force->len);
}

void
_nichiro_timeline_canvas_format_span (double  start,
                                      double  end,
                                      char  **out_from,
                                      char  **out_to)
{
  NichiroDate from = nichiro_timeline_time_to_date (start);
  NichiroDate to = nichiro_timeline_time_to_date (end - 1);

  *out_from = nichiro_date_format (&from);
  *out_to = nichiro_date_format (&to);
}

void
_nichiro_timeline_canvas_update_accessible (NichiroTimelineCanvas *self)
{
  g_autofree char *label = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->cursor_by_keys && self->session != NULL && nichiro_session_get_cursor (self->session) != 0)
    label = dup_cursor_label (self, nichiro_session_get_cursor (self->session), description);

  if (label == NULL && self->model != NULL && self->focus_cluster >= 0)
    {
      NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
      NichiroTimelineLayout *layout = _nichiro_timeline_canvas_current_layout (self, &view);
      guint n_clusters;
      const NichiroTimelineCluster *clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);

      if ((guint) self->focus_cluster < n_clusters)
        {
          const NichiroTimelineCluster *cluster = &clusters[self->focus_cluster];
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;

          _nichiro_timeline_canvas_format_span (cluster->start, cluster->end, &from, &to);
          label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u more entry, %s to %s",
                                                "%u more entries, %s to %s",
                                                cluster->n_members),
                                   cluster->n_members, from, to);
          g_string_append (description, _("Too close together to draw apart at this zoom. Press Enter to list them. "));
        }
    }

  if (label == NULL && self->model != NULL && self->selected >= 0)
    {
      const NichiroTimelineItem *item = _nichiro_timeline_canvas_get_item (self, self->selected);
      g_autofree char *lifecycle = dup_lifecycle_text (item->entry);

      label = dup_item_label (item);
      if (lifecycle != NULL)
        g_string_append_printf (description, "%s ", lifecycle);
      if (self->matches != NULL)
        g_string_append (description, self->matches[self->selected]
                                      ? _("Matches the search. ")
                                      : _("Does not match the search. "));
    }

  if (label == NULL)
    label = g_strdup (_("Timeline"));

  g_string_append (description,
                   _("Left and Right move through time, Up and Down between rows, "
                     "plus and minus zoom, a year or Control+G goes to a date, "
                     "Shift with Left or Right moves the date cursor, "
                     "Control+L lists the entries."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}
