/* test-window-timeline.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "nichiro-test-ui.h"
#include "nichiro-timeline.h"
#include "nichiro-window.h"

/* The timeline's room in the window, with the bundled dataset on a fresh
 * profile: most of the height while nothing is open, the details' room
 * once an entry is, a share the reader chose kept for the next window,
 * and the timeline alone over the whole content area with Control+Shift+T
 * until Enter opens an entry. */

static NichiroDataset *bundled;

typedef struct
{
  GtkWindow *window;
  GtkPaned *paned;
} Shown;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_paned_with_timeline (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_PANED (widget) && NICHIRO_IS_TIMELINE (gtk_paned_get_start_child (GTK_PANED (widget)));
}

static void
settle (void)
{
  for (guint i = 0; i < 30; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static Shown
open_window (NichiroSession *session)
{
  Shown shown;

  shown.window = GTK_WINDOW (nichiro_window_new (NULL, session));
  gtk_window_set_default_size (shown.window, 1100, 720);
  gtk_window_present (shown.window);
  nichiro_test_wait_for (GTK_WIDGET (shown.window), is_mapped, shown.window);
  settle ();
  shown.paned = GTK_PANED (nichiro_test_find_matching (GTK_WIDGET (shown.window), is_paned_with_timeline, NULL));
  g_assert_nonnull (shown.paned);
  return shown;
}

static double
timeline_share (Shown *shown)
{
  double height = gtk_widget_get_height (GTK_WIDGET (shown->paned));

  g_assert_cmpfloat (height, >, 100);
  return gtk_widget_get_height (gtk_paned_get_start_child (shown->paned)) / height;
}

/* Presses a key as GTK would, through the window's key bindings. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gboolean handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                               GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                               widget,
                                                               gtk_shortcut_get_arguments (shortcut));
              settle ();
              return handled;
            }
        }
    }

  return FALSE;
}

/* A first start: the timeline takes most of the height; an entry opened,
 * the details get theirs; a share the reader drags to is kept, and the
 * next window opens with it. */
static void
test_share (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.nichiro.Nichiro");
  g_autoptr(NichiroSession) session = nichiro_session_new (bundled, NULL);
  g_autoptr(NichiroSession) next_session = nichiro_session_new (bundled, NULL);
  Shown shown, next;
  double share;

  g_settings_reset (settings, "timeline-share");
  shown = open_window (session);
  share = timeline_share (&shown);
  g_test_message ("nothing open: %.2f", share);
  g_assert_cmpfloat (share, >, 0.55);
  g_assert_cmpfloat (share, <, 0.7);

  g_assert_true (nichiro_session_select_id (session, "portsmouth-1905"));
  settle ();
  share = timeline_share (&shown);
  g_test_message ("an entry open: %.2f", share);
  g_assert_cmpfloat (share, >, 0.25);
  g_assert_cmpfloat (share, <, 0.4);

  /* The reader moves the handle; nothing moves it back. */
  gtk_paned_set_position (shown.paned, gtk_widget_get_height (GTK_WIDGET (shown.paned)) / 2);
  settle ();
  nichiro_session_set_selected (session, NULL);
  settle ();
  g_assert_cmpfloat (fabs (timeline_share (&shown) - 0.5), <, 0.03);
  gtk_window_close (shown.window);
  settle ();
  g_assert_cmpfloat (fabs (g_settings_get_double (settings, "timeline-share") - 0.5), <, 0.03);

  next = open_window (next_session);
  g_assert_cmpfloat (fabs (timeline_share (&next) - 0.5), <, 0.03);
  g_assert_true (nichiro_session_select_id (next_session, "portsmouth-1905"));
  settle ();
  g_assert_cmpfloat (fabs (timeline_share (&next) - 0.5), <, 0.03);
  gtk_window_destroy (next.window);
  g_settings_reset (settings, "timeline-share");
}

static gboolean
detail_hidden (gpointer data)
{
  Shown *shown = data;

  return timeline_share (shown) > 0.95;
}

static gboolean
detail_shown (gpointer data)
{
  Shown *shown = data;

  return timeline_share (shown) < 0.9;
}

/* Control+Shift+T: the timeline alone, the whole content area; again, the
 * details back. Alone, Enter on an entry brings them back too. */
static void
test_alone (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (bundled, NULL);
  Shown shown = open_window (session);
  GtkWidget *canvas;

  g_assert_true (nichiro_session_select_id (session, "portsmouth-1905"));
  settle ();
  g_assert_true (detail_shown (&shown));

  g_assert_true (press_key (GTK_WIDGET (shown.window), GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  settle ();
  g_test_message ("alone: %.2f", timeline_share (&shown));
  nichiro_test_wait_for (GTK_WIDGET (shown.window), detail_hidden, &shown);
  g_assert_true (press_key (GTK_WIDGET (shown.window), GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  nichiro_test_wait_for (GTK_WIDGET (shown.window), detail_shown, &shown);

  /* Alone again, Enter on the selection on the canvas opens it. */
  g_assert_true (press_key (GTK_WIDGET (shown.window), GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  nichiro_test_wait_for (GTK_WIDGET (shown.window), detail_hidden, &shown);
  canvas = nichiro_timeline_get_canvas (NICHIRO_TIMELINE (gtk_paned_get_start_child (shown.paned)));
  gtk_widget_grab_focus (canvas);
  g_assert_true (press_key (canvas, GDK_KEY_Return, 0));
  nichiro_test_wait_for (GTK_WIDGET (shown.window), detail_shown, &shown);

  gtk_window_destroy (shown.window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!nichiro_test_init_display ())
    return 1;

  bundled = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nichiro/window-timeline/share", test_share);
  g_test_add_func ("/nichiro/window-timeline/alone", test_alone);

  status = g_test_run ();
  g_clear_object (&bundled);
  return status;
}
