/* nichiro-timeline-in-force.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-in-force.h"
#include "nichiro-timeline-private.h"

/* What was in force on the date cursor's day: one line under the axis,
 * so that it never takes the timeline's height from the lanes, and "Show
 * All", a popover that lists every instrument in force that day, in order
 * of signature, each with its dates and, where the parties disagree or
 * some articles had already ended, a word on that. The answer is the
 * core's (nichiro_in_force_on()), the same the command line gives. */

static char *
dup_status (const NichiroInForce *item)
{
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *since = nichiro_date_format (&item->since);

  if (nichiro_date_is_set (&item->until))
    {
      g_autofree char *until = nichiro_date_format (&item->until);

      /* Translators: the days an instrument was in force */
      g_string_append_printf (status, _("In force from %s until %s"), since, until);
    }
  else
    {
      /* Translators: the day an instrument came into force */
      g_string_append_printf (status, _("In force from %s"), since);
    }

  if (item->force == NICHIRO_FORCE_DISPUTED)
    {
      g_string_append (status, " · ");
      g_string_append (status, _("Disputed: the parties disagree whether it was still in force"));
    }

  if (item->partial_ends != NULL && item->partial_ends->len > 0)
    {
      g_autoptr(GString) articles = g_string_new (NULL);

      for (guint i = 0; i < item->partial_ends->len; i++)
        {
          const NichiroEnd *end = g_ptr_array_index (item->partial_ends, i);

          for (guint a = 0; end->articles != NULL && end->articles[a] != NULL; a++)
            {
              if (articles->len > 0)
                /* Translators: between the numbers of articles in a list */
                g_string_append (articles, _(", "));
              g_string_append (articles, end->articles[a]);
            }
        }

      g_string_append (status, " · ");
      /* Translators: %s lists article numbers, e.g. "2, 3" */
      g_string_append_printf (status, _("In part: articles %s had already ended"), articles->str);
    }

  return g_string_free (g_steal_pointer (&status), FALSE);
}

static void
in_force_row_activated_cb (NichiroTimeline *self,
                           GtkListBoxRow   *row)
{
  NichiroEntry *entry = g_object_get_data (G_OBJECT (row), "nichiro-entry");

  gtk_menu_button_popdown (self->in_force_button);
  if (entry != NULL && self->session != NULL)
    nichiro_session_set_selected (self->session, entry);
}

static GtkWidget *
make_row (NichiroTimeline      *self,
          const NichiroInForce *item)
{
  g_autofree char *status = dup_status (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (nichiro_session_get_title (self->session, item->entry));
  GtkWidget *detail = gtk_label_new (status);
  g_autofree char *accessible = g_strdup_printf ("%s. %s", gtk_label_get_text (GTK_LABEL (title)), status);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 56);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  if (item->force == NICHIRO_FORCE_DISPUTED)
    gtk_widget_add_css_class (detail, "warning");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "nichiro-entry", g_object_ref (item->entry), g_object_unref);
  return row;
}

/* The popover's list, filled again each time it opens. */
static void
fill_list (NichiroTimeline *self)
{
  gint64 cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  g_autoptr(GPtrArray) in_force = NULL;
  GtkWidget *child;
  NichiroDate day;

  if (self->in_force_list == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->in_force_list))) != NULL)
    gtk_list_box_remove (self->in_force_list, child);

  if (cursor == 0)
    return;

  day = nichiro_date_from_julian_day (cursor);
  in_force = nichiro_in_force_on (nichiro_session_get_dataset (self->session), &day);
  for (guint i = 0; i < in_force->len; i++)
    gtk_list_box_append (self->in_force_list, make_row (self, g_ptr_array_index (in_force, i)));
}

static void
create_list_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  NichiroTimeline *self = NICHIRO_TIMELINE (user_data);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->in_force_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->in_force_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->in_force_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->in_force_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("In Force That Day, in Order of Signature"),
                                  -1);
  g_signal_connect_object (self->in_force_list, "row-activated",
                           G_CALLBACK (in_force_row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->in_force_list));
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  g_signal_connect_object (popover, "show", G_CALLBACK (fill_list), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_popover (button, popover);
}

/* The line under the axis: the day, how many, and the latest signed first,
 * as many as fit. */
void
_nichiro_timeline_update_in_force (NichiroTimeline *self)
{
  gint64 cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  g_autoptr(GPtrArray) in_force = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *day_text = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *escaped = NULL;
  NichiroDate day;

  gtk_revealer_set_reveal_child (self->in_force_revealer, cursor != 0 && self->session != NULL);
  if (cursor == 0 || self->session == NULL)
    return;

  day = nichiro_date_from_julian_day (cursor);
  day_text = nichiro_date_format (&day);
  in_force = nichiro_in_force_on (nichiro_session_get_dataset (self->session), &day);

  if (in_force->len == 0)
    {
      /* Translators: %s is a date */
      heading = g_strdup_printf (_("Nothing in force on %s"), day_text);
    }
  else
    {
      /* Translators: %s is a date, %u how many treaties were in force */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In force on %s: %u", "In force on %s: %u", in_force->len),
                                 day_text, in_force->len);
    }

  escaped = g_markup_escape_text (heading, -1);
  g_string_append_printf (markup, "<b>%s</b>", escaped);

  /* The latest first: what was concluded nearest the day is what the
   * reader is after when the line is too short for them all. */
  for (guint i = 0; i < in_force->len; i++)
    {
      const NichiroInForce *item = g_ptr_array_index (in_force, in_force->len - 1 - i);
      g_autofree char *title = g_markup_escape_text (nichiro_session_get_title (self->session, item->entry), -1);

      /* Translators: between the titles of a list */
      g_string_append (markup, i == 0 ? " — " : _(", "));
      g_string_append (markup, title);
      if (item->force == NICHIRO_FORCE_DISPUTED)
        /* Translators: after the title of a treaty whose end is disputed */
        g_string_append (markup, _(" (disputed)"));
    }

  gtk_label_set_markup (self->in_force_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->in_force_button), in_force->len > 0);
  fill_list (self);
}

void
_nichiro_timeline_init_in_force (NichiroTimeline *self)
{
  gtk_menu_button_set_create_popup_func (self->in_force_button, create_list_cb, self, NULL);
}
