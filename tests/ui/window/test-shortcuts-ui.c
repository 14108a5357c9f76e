/* test-shortcuts-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "nichiro-application.h"
#include "nichiro-test-ui.h"
#include "nichiro-window.h"

/* The keyboard shortcuts window (Ctrl+?) opened from the main window in
 * the language meson gives the test in LANGUAGE (each catalogue is its own
 * test): every shortcut shows at once, whole, and GTK has nothing to warn
 * about (warnings are fatal). A shortcuts section taller than its
 * max-height is split into pages, and on GTK 4.8 with libadwaita 1.2 the
 * page switcher's labels measure less than nothing. */

static NichiroApplication *app;

static gboolean
count_frames_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget has been drawn a few times. */
static void
wait_for_frames (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint frames = 0;
  guint id;

  id = gtk_widget_add_tick_callback (widget, count_frames_cb, &frames, NULL);
  while (frames < 3)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s to be drawn", G_OBJECT_TYPE_NAME (widget));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gtk_widget_remove_tick_callback (widget, id);
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* Whether @widget lies wholly inside @window. */
static gboolean
inside (GtkWidget *widget,
        GtkWidget *window)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;

  return bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

static void
test_shortcuts_window (void)
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroSession) session = NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *keyboard_shortcuts = C_("shortcut window", "Keyboard shortcuts");
  gboolean titled = FALSE;
  NichiroWindow *window;
  GtkWidget *overlay;

  dataset = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);
  session = nichiro_session_new (dataset, NULL);
  window = nichiro_window_new (GTK_APPLICATION (app), session);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window));

  /* Ctrl+? */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  wait_for_frames (overlay);
  g_assert_true (gtk_widget_get_mapped (overlay));

  /* Every shortcut on the one page there is, inside the window. (The
   * window keeps copies of them for its search, out of sight.) */
  collect (overlay, GTK_TYPE_SHORTCUTS_SECTION, sections);
  g_assert_cmpuint (sections->len, ==, 1);
  collect (sections->pdata[0], GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  g_assert_cmpuint (shortcuts->len, >, 0);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkWidget *shortcut = shortcuts->pdata[i];
      g_autofree char *title = NULL;

      g_object_get (shortcut, "title", &title, NULL);
      g_test_message ("shortcut “%s”", title);
      g_assert_true (gtk_widget_get_mapped (shortcut));
      g_assert_true (inside (shortcut, overlay));
      titled |= g_strcmp0 (title, keyboard_shortcuts) == 0;
    }
  /* In the language of the test. */
  g_assert_true (titled);

  /* And no text cut short. */
  collect (overlay, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      g_test_message ("label “%s”", gtk_label_get_text (label));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      g_assert_true (inside (GTK_WIDGET (label), overlay));
    }

  gtk_widget_set_visible (overlay, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  const char *localedir = g_getenv ("NICHIRO_LOCALEDIR");
  int status;

  g_test_init (&argc, &argv, NULL);

  /* As main.c does, with the catalogues of the build folder. gettext
   * ignores LANGUAGE in the C locale, so that one becomes C.UTF-8. */
  if (localedir == NULL)
    g_error ("NICHIRO_LOCALEDIR is not set; run this test through meson test");
  setlocale (LC_ALL, "");
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0 ||
      g_strcmp0 (setlocale (LC_MESSAGES, NULL), "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_disable_setlocale ();

  /* A test of a translation that is not used would prove nothing. */
  if (language != NULL && *language != '\0' && strcmp (language, "C") != 0 && strcmp (language, "en") != 0)
    g_assert_cmpstr (C_("shortcut window", "Keyboard shortcuts"), !=, "Keyboard shortcuts");

  if (!nichiro_test_init_display ())
    return 1;

  app = nichiro_test_application_new ();

  g_test_add_func ("/nichiro/about/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
