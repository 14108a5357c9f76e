/* test-messages.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nichiro-study-export.h"
#include "nichiro-test-ui.h"
#include "nichiro-window-private.h"

/* What the window says about the study file: banners for what stays true
 * (read-only and why, moved aside and where, not saved and why), the path
 * in full and as written whatever it holds, and Show in Files; and what
 * Export writes and says. The file
 * manager is a stand-in on a private session bus that records what it is
 * asked to show. */

static NichiroDataset *dataset;
static GTestDBus *bus;
static GPtrArray *shown_uris;
static GDBusConnection *file_manager;   /* kept: the name goes with it */

static const char file_manager_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.FileManager1'>"
  "    <method name='ShowItems'>"
  "      <arg type='as' name='uris' direction='in'/>"
  "      <arg type='s' name='startup_id' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
file_manager_method_cb (GDBusConnection       *connection,
                        const char            *sender,
                        const char            *object_path,
                        const char            *interface_name,
                        const char            *method_name,
                        GVariant              *parameters,
                        GDBusMethodInvocation *invocation,
                        gpointer               user_data)
{
  g_autofree const char **uris = NULL;

  g_variant_get (parameters, "(^a&s&s)", &uris, NULL);
  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (shown_uris, g_strdup (uris[i]));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
start_file_manager (void)
{
  static const GDBusInterfaceVTable vtable = { file_manager_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (file_manager_xml, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;

  connection = file_manager = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/freedesktop/FileManager1", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.FileManager1", 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

typedef struct
{
  char *dir;        /* its name holds "&" and "<", as a person's may */
  char *folder;
  char *path;
  NichiroStudyStore *store;
  NichiroSession *session;
  NichiroWindow *window;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* @data, if not NULL, is what study.json holds when the window opens. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *tmp = nichiro_test_make_temp_dir ();

  fixture->dir = g_build_filename (tmp, "R&D <notes>", NULL);
  fixture->folder = g_build_filename (fixture->dir, "nichiro", NULL);
  fixture->path = g_build_filename (fixture->folder, "study.json", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->folder, 0700), ==, 0);
  if (data != NULL)
    nichiro_test_write_text (fixture->path, data, -1);

  fixture->store = nichiro_study_store_new (fixture->path);
  fixture->session = nichiro_session_new (dataset, fixture->store);
  fixture->window = nichiro_window_new (NULL, fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), is_mapped, fixture->window);
  g_ptr_array_set_size (shown_uris, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *tmp = g_path_get_dirname (fixture->dir);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  nichiro_test_remove_tree (tmp);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->folder, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
#if ADW_CHECK_VERSION (1, 3, 0)
  if (ADW_IS_BANNER (widget))
    return adw_banner_get_revealed (ADW_BANNER (widget));
#endif
  return gtk_widget_has_css_class (widget, "nichiro-banner") && gtk_widget_get_visible (widget);
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0';
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget);
}

/* The banners shown, each as the text a person reads. */
static GPtrArray *
banner_texts (Fixture *fixture)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (GtkWidget *banner = nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_banner, NULL);
       banner != NULL;
       banner = gtk_widget_get_next_sibling (banner))
    {
      GtkWidget *label;

      if (!is_banner (banner, NULL))
        continue;
      label = nichiro_test_find_matching (banner, is_shown_label, NULL);
      g_assert_nonnull (label);
      /* Never cut short. */
      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
      g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (label)));
    }

  return texts;
}

static GtkWidget *
banner_button (Fixture *fixture)
{
  GtkWidget *banner = nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_banner, NULL);

  g_assert_nonnull (banner);
  return nichiro_test_find_matching (banner, is_button, NULL);
}

static gboolean
file_manager_called (gpointer data)
{
  return shown_uris->len > 0;
}

static const char garbage[] = "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": [";

/* A study file that is not one is kept aside: a banner says so, with the
 * whole path as written, until the window closes; Show in Files shows
 * the file kept aside. */
static void
test_moved_aside (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *aside = nichiro_study_store_get_moved_aside_path (fixture->store);
  g_autoptr(GPtrArray) texts = banner_texts (fixture);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  GtkWidget *button;

  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, fixture->folder));
  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (texts->pdata[0], ==, nichiro_study_store_get_recovery_message (fixture->store));
  g_assert_nonnull (strstr (texts->pdata[0], aside));

  button = banner_button (fixture);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-moved-aside");
  g_signal_emit_by_name (button, "clicked");
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), file_manager_called, NULL);
  file = g_file_new_for_path (aside);
  uri = g_file_get_uri (file);
  g_assert_cmpstr (shown_uris->pdata[0], ==, uri);
}

static const char newer[] = "{\"format\": \"nichiro-study\", \"version\": 99, \"datasets\": {}}";

/* A study file from a newer Nichiro is left alone: the banner says why
 * nothing can be changed, for as long as that is so. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = banner_texts (fixture);

  g_assert_true (nichiro_study_store_get_read_only (fixture->store));
  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (texts->pdata[0], ==, nichiro_study_store_get_read_only_reason (fixture->store));
  g_assert_nonnull (strstr (texts->pdata[0], fixture->path));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button (fixture))), ==,
                   "win.show-study-file");
}

static gboolean
save_failed (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) texts = banner_texts (fixture);

  return texts->len == 1;
}

/* A save that fails says why in a banner, not in a toast that goes: the
 * banner stays while the notes are not saved, and Try Again takes it
 * away once they are. */
static void
test_save_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *aside = g_strconcat (fixture->folder, ".aside", NULL);
  g_autoptr(GPtrArray) texts = NULL;

  g_assert_cmpint (g_rename (fixture->folder, aside), ==, 0);
  nichiro_test_write_text (fixture->folder, "not a folder", -1);
  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Waiting", NULL));
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), save_failed, fixture);

  texts = banner_texts (fixture);
  g_assert_cmpstr (texts->pdata[0], ==, nichiro_study_store_get_save_error (fixture->store)->message);
  g_assert_nonnull (strstr (texts->pdata[0], fixture->dir));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner_button (fixture))), ==, "win.save-study");

  g_assert_cmpint (g_unlink (fixture->folder), ==, 0);
  g_assert_cmpint (g_rename (aside, fixture->folder), ==, 0);
  g_signal_emit_by_name (banner_button (fixture), "clicked");
  g_clear_pointer (&texts, g_ptr_array_unref);
  texts = banner_texts (fixture);
  g_assert_cmpuint (texts->len, ==, 0);
  g_assert_false (nichiro_study_store_has_unsaved_changes (fixture->store));
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), "Your notes are saved");
}

static gboolean
is_show_in_files (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Show in _Files") == 0;
}

static gboolean
shows_in_files (gpointer data)
{
  return nichiro_test_find_matching (data, is_show_in_files, NULL) != NULL;
}

/* Export Backup with a name typed as Markdown writes a backup, named as
 * one, that Import restores; the toast says so, its name as written, and
 * Show in Files shows that file. The chooser opens there next time. */
static void
test_export_backup (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *typed_path = g_build_filename (fixture->dir, "notes & <drafts>.md", NULL);
  g_autofree char *written_path = g_build_filename (fixture->dir, "notes & <drafts>.json", NULL);
  g_autofree char *other_dir = nichiro_test_make_temp_dir ();
  g_autofree char *other_path = g_build_filename (other_dir, "study.json", NULL);
  g_autoptr(GFile) typed = g_file_new_for_path (typed_path);
  g_autoptr(GFile) written = g_file_new_for_path (written_path);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  NichiroStudyMergeCounts counts;
  NichiroStudyStore *other;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* Nothing remembered: Documents, or the home folder without one. */
  folder = _nichiro_window_dup_export_folder (fixture->window);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    g_assert_cmpstr (g_file_peek_path (folder), ==, documents);
  else
    g_assert_cmpstr (g_file_peek_path (folder), ==, g_get_home_dir ());
  g_clear_object (&folder);

  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Kept", NULL));
  _nichiro_window_export_to (fixture->window, NICHIRO_EXPORT_BACKUP, typed);
  g_assert_false (g_file_test (typed_path, G_FILE_TEST_EXISTS));

  other = nichiro_study_store_new (other_path);
  g_assert_true (nichiro_study_import_file (other, written, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nichiro_study_store_get_note (other, "test-small", "peace-1905"), ==, "Kept");
  g_assert_finalize_object (other);
  nichiro_test_remove_tree (other_dir);

  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window),
                               "Backup saved as “notes & <drafts>.json”; Import Notes restores it");
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), shows_in_files, fixture->window);
  g_signal_emit_by_name (nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_show_in_files, NULL), "clicked");
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), file_manager_called, NULL);
  uri = g_file_get_uri (written);
  g_assert_cmpstr (shown_uris->pdata[0], ==, uri);

  folder = _nichiro_window_dup_export_folder (fixture->window);
  g_assert_cmpstr (g_file_peek_path (folder), ==, fixture->dir);
  g_settings_reset (fixture->window->settings, "export-folder");
}

static AdwMessageDialog *
find_question (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

/* Markdown typed as "essay.json" goes to "essay.md"; that file exists, so
 * the window asks before it replaces it, and Cancel leaves it be. */
static void
test_export_asks_to_replace (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *typed_path = g_build_filename (fixture->dir, "essay.json", NULL);
  g_autofree char *written_path = g_build_filename (fixture->dir, "essay.md", NULL);
  g_autoptr(GFile) typed = g_file_new_for_path (typed_path);
  g_autofree char *text = NULL;
  AdwMessageDialog *question;
  gsize length;

  nichiro_test_write_text (written_path, "My essay", -1);
  _nichiro_window_export_to (fixture->window, NICHIRO_EXPORT_MARKDOWN, typed);
  question = find_question ();
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Replace “essay.md”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), fixture->dir));
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  g_assert_cmpstr (text = nichiro_test_read_text (written_path, &length), ==, "My essay");
  g_clear_pointer (&text, g_free);

  _nichiro_window_export_to (fixture->window, NICHIRO_EXPORT_MARKDOWN, typed);
  question = find_question ();
  adw_message_dialog_response (question, "replace");
  gtk_window_destroy (GTK_WINDOW (question));
  text = nichiro_test_read_text (written_path, &length);
  g_assert_true (g_str_has_prefix (text, "# Study notes: A small test dataset\n"));
  g_assert_false (g_file_test (typed_path, G_FILE_TEST_EXISTS));
  g_settings_reset (fixture->window->settings, "export-folder");
}

/* Nothing to say, nothing shown, nothing made. */
static void
test_no_banner (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = banner_texts (fixture);

  g_assert_cmpuint (texts->len, ==, 0);
  g_assert_null (nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_banner, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before GTK, which would look for the desktop's bus. GTestDBus unsets
   * DISPLAY, which the test's own Xvfb set. */
  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  shown_uris = g_ptr_array_new_with_free_func (g_free);
  start_file_manager ();

  if (!nichiro_test_init_display ())
    return 1;

  dataset = nichiro_test_load_dataset ("small.json");

#define ADD(name, contents, test) \
  g_test_add ("/nichiro/window/messages/" name, Fixture, contents, fixture_set_up, test, fixture_tear_down)
  ADD ("moved-aside", garbage, test_moved_aside);
  ADD ("read-only", newer, test_read_only);
  ADD ("save-failed", NULL, test_save_failed);
  ADD ("no-banner", NULL, test_no_banner);
  ADD ("export-backup", NULL, test_export_backup);
  ADD ("export-asks-to-replace", NULL, test_export_asks_to_replace);
#undef ADD

  status = g_test_run ();
  g_clear_object (&dataset);
  g_clear_pointer (&shown_uris, g_ptr_array_unref);
  g_clear_object (&file_manager);
  g_test_dbus_down (bus);
  g_clear_object (&bus);
  return status;
}
