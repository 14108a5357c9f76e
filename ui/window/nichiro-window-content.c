/* nichiro-window-content.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include "nichiro-window-private.h"

/* The window's content area, under the timeline: the details of the entry
 * selected, the page of the part chosen in the guide, or the frontier map
 * while the header's pin is down. */

/* An instrument opened from the map: its details take the map's place. */
static void
map_entry_activated_cb (NichiroWindow *self,
                        NichiroEntry  *entry,
                        NichiroMap    *map)
{
  gtk_toggle_button_set_active (self->map_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->detail_view));
}

/* The content area shows the frontier map while the header's pin is down;
 * else the session's part, or else its selection. The map and the part's
 * page are made the first time they are shown. */
void
_nichiro_window_update_content (NichiroWindow *self)
{
  if (self->session == NULL)
    return;

  if (gtk_toggle_button_get_active (self->map_button))
    {
      if (self->map == NULL)
        {
          self->map = NICHIRO_MAP (nichiro_map_new ());
          g_signal_connect_object (self->map, "entry-activated", G_CALLBACK (map_entry_activated_cb),
                                   self, G_CONNECT_SWAPPED);
          nichiro_map_set_session (self->map, self->session);
          gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->map), "map");
        }
      gtk_stack_set_visible_child_name (self->content_stack, "map");
      return;
    }

  if (nichiro_session_get_part (self->session) == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "entry");
      return;
    }

  if (self->part_page == NULL)
    {
      GtkWidget *self_test_section = nichiro_part_self_test_new ();

      self->part_page = NICHIRO_PART_PAGE (nichiro_part_page_new ());
      gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->part_page), "part");
      nichiro_part_page_set_session (self->part_page, self->session);
      nichiro_part_self_test_set_session (NICHIRO_PART_SELF_TEST (self_test_section), self->session);
      nichiro_part_page_add_section (self->part_page, self_test_section);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "part");
}

/* A part chosen while the map is shown takes the map's place. */
void
_nichiro_window_session_part_changed (NichiroWindow *self)
{
  if (nichiro_session_get_part (self->session) != NULL)
    gtk_toggle_button_set_active (self->map_button, FALSE);
  _nichiro_window_update_content (self);
}

/* The header's pin shows the frontier map under the timeline, in the
 * place of the entry's details, and back. */
static void
map_toggled_cb (NichiroWindow *self)
{
  _nichiro_window_update_content (self);
}

/* Choosing a part in the guide shows its page, and its period on the
 * timeline above it. */
static void
part_activated_cb (NichiroWindow *self,
                   const char    *part_id)
{
  const NichiroPart *part = nichiro_dataset_lookup_part (nichiro_session_get_dataset (self->session), part_id);
  NichiroDate end;

  if (part == NULL)
    return;

  nichiro_session_set_part (self->session, part_id);

  end = part->end;
  if (end.precision == NICHIRO_DATE_PRECISION_YEAR)
    end = nichiro_date_make (end.year, 12, 31);
  else if (end.precision == NICHIRO_DATE_PRECISION_MONTH)
    end = nichiro_date_make (end.year, end.month, nichiro_date_days_in_month (end.year, end.month, FALSE));

  nichiro_timeline_zoom_to (self->timeline,
                            (double) nichiro_date_to_julian_day (&part->start),
                            (double) nichiro_date_to_julian_day (&end) + 1.0);
}

void
_nichiro_window_class_init_content (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, map_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, part_activated_cb);
}
