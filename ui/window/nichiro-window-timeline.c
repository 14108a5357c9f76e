/* nichiro-window-timeline.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-window"

#include "config.h"

#include <math.h>

#include "nichiro-window-private.h"

/* The timeline's pane in the window: the timeline over the details, with
 * a share of the height that grows with the window, a wide handle that
 * moves it (F8, GtkPaned's own key, then the arrows, from the keyboard),
 * and the timeline alone over the whole content area on demand
 * (win.timeline-only, Control+Shift+T, or the button in the timeline's
 * corner). The timeline's grouping and filters are kept in settings here
 * too.
 *
 * Until the reader moves the handle, the share follows what there is to
 * see: while no entry or part is open (a first start) the timeline takes most of
 * the height, enough to read the chapter at first sight; once an entry is
 * open, the details take what shows its dates and the start of its
 * summary (a part's page likewise). A share the reader chose is kept (timeline-share) and used
 * from then on. */

/* The timeline's share while nothing is open, and while an entry is. */
#define SHARE_BROWSING 0.62
#define SHARE_READING 0.32

static double
chosen_share (NichiroWindow *self)
{
  double share = self->settings != NULL ? g_settings_get_double (self->settings, "timeline-share") : 0;

  return share >= 0.1 && share <= 0.9 ? share : 0;
}

static double
get_share (NichiroWindow *self)
{
  double chosen = chosen_share (self);

  if (chosen > 0)
    return chosen;

  return nichiro_session_get_selected (self->session) == NULL && nichiro_session_get_part (self->session) == NULL
         ? SHARE_BROWSING : SHARE_READING;
}

static int
get_max_position (GtkPaned *paned)
{
  int max = 0;

  g_object_get (paned, "max-position", &max, NULL);
  return max;
}

static void
place_pane (NichiroWindow *self)
{
  int max = get_max_position (self->content_paned);
  int height = gtk_widget_get_height (GTK_WIDGET (self->content_paned));

  if (max <= 0 || height <= 1)
    return;

  self->content_paned_placed = TRUE;
  self->content_paned_share = get_share (self);
  gtk_paned_set_position (self->content_paned, MIN ((int) (self->content_paned_share * height + 0.5), max));
}

/* The first time the pane knows its height, the timeline takes its
 * share; after that both children grow with the window, and GtkPaned
 * keeps the proportion. */
static void
max_position_cb (NichiroWindow *self)
{
  if (!self->content_paned_placed)
    place_pane (self);
}

/* A position far from the share set, at the same height: the reader moved
 * the handle. */
static void
position_cb (NichiroWindow *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->content_paned));
  double share;

  if (!self->content_paned_placed || height <= 1 || !gtk_widget_get_visible (GTK_WIDGET (self->content_stack)))
    return;

  share = (double) gtk_paned_get_position (self->content_paned) / height;
  if (fabs (share - self->content_paned_share) > 0.03)
    {
      self->content_paned_moved = TRUE;
      self->content_paned_share = share;
    }
}

/* The first entry (or part's page) opened: the details get their room,
 * unless the reader chose the share. */
static void
selected_cb (NichiroWindow *self)
{
  if (self->content_paned_placed && !self->content_paned_moved && chosen_share (self) == 0 &&
      fabs (get_share (self) - self->content_paned_share) > 0.01)
    place_pane (self);
}

static void
set_timeline_only (NichiroWindow *self,
                   gboolean       only)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "timeline-only");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (only));
  gtk_widget_set_visible (GTK_WIDGET (self->content_stack), !only);
}

static void
timeline_only_change_state_cb (GSimpleAction *action,
                               GVariant      *state,
                               gpointer       user_data)
{
  set_timeline_only (NICHIRO_WINDOW (user_data), g_variant_get_boolean (state));
}

/* Enter on an entry while the timeline is alone: its details come back. */
static void
entry_activated_cb (NichiroWindow *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->content_stack)))
    set_timeline_only (self, FALSE);
}

void
_nichiro_window_class_init_timeline (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.timeline-only", NULL);
}

void
_nichiro_window_init_timeline (NichiroWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("timeline-only", NULL, g_variant_new_boolean (FALSE));

  g_signal_connect_object (action, "change-state", G_CALLBACK (timeline_only_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));

  g_signal_connect_object (self->content_paned, "notify::max-position", G_CALLBACK (max_position_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_paned, "notify::position", G_CALLBACK (position_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::part", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "entry-activated", G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "timeline-group-by", self->timeline, "group-by", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "timeline-hidden-kinds", self->timeline, "hidden-kinds", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "timeline-hidden-threads", self->timeline, "hidden-threads", G_SETTINGS_BIND_DEFAULT);
    }
}

/* Called within the window's delayed settings, on close: the share is kept
 * only when the reader chose it. */
void
_nichiro_window_save_timeline (NichiroWindow *self)
{
  if (self->content_paned_moved)
    g_settings_set_double (self->settings, "timeline-share", CLAMP (self->content_paned_share, 0.1, 0.9));
}
