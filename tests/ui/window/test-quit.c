/* test-quit.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <string.h>

#include "nichiro-application.h"
#include "nichiro-test-ui.h"
#include "nichiro-window.h"

/* Every way out of the program goes through the window's close request:
 * Ctrl+Q (app.quit), SIGTERM, the end of the session (query-end), the
 * close button. Each saves the note typed last; when it cannot be saved,
 * each asks instead of quitting, and Keep Open loses nothing. The real
 * program is driven the same way in tests/e2e/test-e2e-notes.py. */

static NichiroDataset *dataset;

typedef struct
{
  char *dir;
  char *folder;     /* the store's folder, blocked by a file when asked */
  char *path;
  NichiroApplication *app;
  NichiroStudyStore *store;
  NichiroSession *session;
  NichiroWindow *window;   /* weak: NULL once it is gone */
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = nichiro_test_make_temp_dir ();
  fixture->folder = g_build_filename (fixture->dir, "nichiro", NULL);
  fixture->path = g_build_filename (fixture->folder, "study.json", NULL);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
  fixture->store = nichiro_study_store_new (fixture->path);
  fixture->session = nichiro_session_new (dataset, fixture->store);
  fixture->app = nichiro_test_application_new ();
  fixture->window = nichiro_window_new (GTK_APPLICATION (fixture->app), fixture->session);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), is_mapped, fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_clear_object (&fixture->session);
  g_assert_true (nichiro_study_store_flush (fixture->store, NULL));
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->app);
  nichiro_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* The folder the study file goes in becomes a file: nothing can be saved
 * there, whoever runs the test. */
static void
block_folder (Fixture *fixture)
{
  g_autofree char *aside = g_strconcat (fixture->folder, ".aside", NULL);

  g_assert_cmpint (g_rename (fixture->folder, aside), ==, 0);
  nichiro_test_write_text (fixture->folder, "not a folder", -1);
}

static void
unblock_folder (Fixture *fixture)
{
  g_autofree char *aside = g_strconcat (fixture->folder, ".aside", NULL);

  g_assert_cmpint (g_unlink (fixture->folder), ==, 0);
  g_assert_cmpint (g_rename (aside, fixture->folder), ==, 0);
}

static char *
saved_note (Fixture    *fixture,
            const char *entry_id)
{
  g_autoptr(NichiroStudyStore) reread = NULL;
  g_autofree char *copy_dir = nichiro_test_make_temp_dir ();
  g_autofree char *copy = g_build_filename (copy_dir, "study.json", NULL);
  g_autofree char *text = NULL;
  gsize length;
  char *note;

  /* Read from a copy: the path is the open store's own. */
  text = nichiro_test_read_text (fixture->path, &length);
  nichiro_test_write_text (copy, text, length);
  reread = nichiro_study_store_new (copy);
  note = g_strdup (nichiro_study_store_get_note (reread, "test-small", entry_id));
  g_clear_object (&reread);
  nichiro_test_remove_tree (copy_dir);
  return note;
}

static AdwMessageDialog *
find_question (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        {
          g_assert_null (found);
          found = l->data;
        }
    }

  return found;
}

/* As a click on one of its buttons: the response, then the dialog goes. */
static void
answer (AdwMessageDialog *question,
        const char       *response)
{
  g_assert_nonnull (question);
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
}

static gboolean
is_gone (gpointer data)
{
  Fixture *fixture = data;

  return fixture->window == NULL;
}

static gboolean
asks (gpointer data)
{
  return find_question () != NULL;
}

/* The note typed last is saved by Ctrl+Q, which closes the window through
 * its close request rather than ending the main loop under it. */
static void
test_quit_saves (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *note = NULL;

  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Typed last", NULL));
  g_assert_true (nichiro_study_store_has_unsaved_changes (fixture->store));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  g_assert_null (fixture->window);
  g_assert_null (find_question ());
  g_assert_cmpstr (note = saved_note (fixture, "peace-1905"), ==, "Typed last");
}

/* When the note cannot be saved, Ctrl+Q asks, once however often it is
 * pressed; Keep Open keeps the window and the note, and once the disk
 * takes it again Ctrl+Q saves and quits. */
static void
test_quit_asks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *note = NULL;
  AdwMessageDialog *question;

  block_folder (fixture);
  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Not saved yet", NULL));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  question = find_question ();
  g_assert_nonnull (question);
  g_assert_nonnull (fixture->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Notes Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), fixture->folder));
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (question),
                                   " If you quit now, your latest notes are lost."));

  /* Again: the same question, not a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  g_assert_true (find_question () == question);

  answer (question, "cancel");
  g_assert_nonnull (fixture->window);
  g_assert_cmpstr (nichiro_study_store_get_note (fixture->store, "test-small", "peace-1905"), ==, "Not saved yet");

  unblock_folder (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  g_assert_null (fixture->window);
  g_assert_cmpstr (note = saved_note (fixture, "peace-1905"), ==, "Not saved yet");
}

/* Quit Anyway quits, as it says. */
static void
test_quit_anyway (Fixture       *fixture,
                  gconstpointer  data)
{
  block_folder (fixture);
  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Given up", NULL));

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_nonnull (fixture->window);
  answer (find_question (), "quit");
  g_assert_null (fixture->window);
  unblock_folder (fixture);
}

/* SIGTERM, which the session sends before it ends a program, takes the
 * same way out. */
static void
test_sigterm (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *note = NULL;

  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Before SIGTERM", NULL));
  raise (SIGTERM);
  nichiro_test_wait_for (NULL, is_gone, fixture);
  g_assert_cmpstr (note = saved_note (fixture, "peace-1905"), ==, "Before SIGTERM");
}

/* The session is ending: what can be saved is saved at once, the window
 * stays until the session ends it; what cannot be saved is asked about. */
static void
test_query_end (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *note = NULL;

  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "At logout", NULL));
  g_signal_emit_by_name (fixture->app, "query-end");
  g_assert_false (nichiro_study_store_has_unsaved_changes (fixture->store));
  g_assert_cmpstr (note = saved_note (fixture, "peace-1905"), ==, "At logout");
  g_assert_nonnull (fixture->window);

  block_folder (fixture);
  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Cannot save", NULL));
  g_signal_emit_by_name (fixture->app, "query-end");
  nichiro_test_wait_for (NULL, asks, NULL);
  g_assert_nonnull (fixture->window);
  answer (find_question (), "cancel");
  unblock_folder (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!nichiro_test_init_display ())
    return 1;

  dataset = nichiro_test_load_dataset ("small.json");

#define ADD(name, test) \
  g_test_add ("/nichiro/window/quit/" name, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("saves", test_quit_saves);
  ADD ("asks", test_quit_asks);
  ADD ("anyway", test_quit_anyway);
  ADD ("sigterm", test_sigterm);
  ADD ("query-end", test_query_end);
#undef ADD

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
