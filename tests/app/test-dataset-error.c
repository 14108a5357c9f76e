/* test-dataset-error.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nichiro-application.h"
#include "nichiro-dataset-error-window.h"
#include "nichiro-test-ui.h"
#include "nichiro-window.h"

/* `nichiro --data broken.json`, started from a launcher, where nobody reads
 * stderr: the real application runs with that command line and must show
 * the located problems in a window, then open the bundled dataset when
 * asked. */

typedef struct
{
  NichiroApplication *app;
  gboolean saw_error_window;
  gboolean saw_main_window;
} Run;

static gboolean
shows_label_containing (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
check_windows_cb (gpointer data)
{
  Run *run = data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (run->app));
  GtkWidget *window = windows ? windows->data : NULL;

  if (window == NULL || !gtk_widget_get_mapped (window))
    return G_SOURCE_CONTINUE;

  if (NICHIRO_IS_DATASET_ERROR_WINDOW (window) && !run->saw_error_window)
    {
      /* The file, and each problem where it is. */
      g_assert_nonnull (nichiro_test_find_matching (window, shows_label_containing, "broken.json"));
      g_assert_nonnull (nichiro_test_find_matching (window, shows_label_containing, "broken.json:"));
      g_assert_nonnull (nichiro_test_find_matching (window, shows_label_containing, "1905-02-30"));
      run->saw_error_window = TRUE;
      g_action_group_activate_action (G_ACTION_GROUP (run->app), "open-bundled", NULL);
      return G_SOURCE_CONTINUE;
    }

  if (NICHIRO_IS_WINDOW (window))
    {
      NichiroSession *session = nichiro_window_get_session (NICHIRO_WINDOW (window));

      g_assert_true (run->saw_error_window);
      g_assert_cmpstr (nichiro_dataset_get_id (nichiro_session_get_dataset (session)), ==, "japan-russia-1855-1956");
      /* The error window went when the main window came. */
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (run->app))), ==, 1);
      run->saw_main_window = TRUE;
      gtk_window_destroy (GTK_WINDOW (window));
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
test_broken_data_shows_window (void)
{
  g_autofree char *dir = nichiro_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *small = NULL;
  g_autofree char *small_path = nichiro_test_data_path ("small.json");
  g_autofree char *broken = NULL;
  g_auto(GStrv) pieces = NULL;
  char *argv[] = { (char *) "nichiro", (char *) "--data", path, NULL };
  Run run = { 0, };
  int status;

  /* A real day in small.json made into one that is not; the reader's own
   * data in the test's folder. */
  small = nichiro_test_read_text (small_path, NULL);
  pieces = g_strsplit (small, "\"1905-09-05\"", 2);
  g_assert_cmpuint (g_strv_length (pieces), ==, 2);
  broken = g_strjoinv ("\"1905-02-30\"", pieces);
  nichiro_test_write_text (path, broken, -1);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  run.app = g_object_new (NICHIRO_TYPE_APPLICATION,
                          "flags", G_APPLICATION_NON_UNIQUE,
                          NULL);
  g_timeout_add (20, check_windows_cb, &run);
  status = g_application_run (G_APPLICATION (run.app), G_N_ELEMENTS (argv) - 1, argv);
  g_source_remove_by_user_data (&run);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.saw_error_window);
  g_assert_true (run.saw_main_window);
  g_clear_object (&run.app);
  nichiro_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!nichiro_test_init_display ())
    return 1;

  g_test_add_func ("/nichiro/app/broken-data-shows-window", test_broken_data_shows_window);

  return g_test_run ();
}
