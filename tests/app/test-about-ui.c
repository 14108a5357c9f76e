/* test-about-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "nichiro-appdata.h"
#include "nichiro-application.h"
#include "nichiro-test-ui.h"
#include "nichiro-window.h"

/* The About window, opened the way the menu opens it (the app.about
 * action), says what the AppStream metainfo says and credits the sources
 * and licence of the dataset the window shows. An AdwAboutWindow on
 * libadwaita 1.2, an AdwAboutDialog from 1.5: both have the same
 * properties, read here by name. */

static NichiroApplication *app;

typedef struct
{
  NichiroDataset *dataset;
  NichiroSession *session;
  NichiroWindow *window;
  GObject *about;
} Fixture;

static GObject *
find_about (NichiroWindow *window)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  return G_OBJECT (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
#else
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_ABOUT_WINDOW (l->data) &&
          gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
        return l->data;
    }

  return NULL;
#endif
}

static void
close_about (GObject *about)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_force_close (ADW_DIALOG (about));
#else
  gtk_window_destroy (GTK_WINDOW (about));
#endif
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *dataset_file = data;
  g_autoptr(GError) error = NULL;

  if (dataset_file == NULL)
    {
      fixture->dataset = nichiro_dataset_new_default (&error);
    }
  else
    {
      fixture->dataset = nichiro_test_load_dataset (dataset_file);
    }
  g_assert_no_error (error);

  fixture->session = nichiro_session_new (fixture->dataset, NULL);
  fixture->window = nichiro_window_new (GTK_APPLICATION (app), fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  fixture->about = find_about (fixture->window);
  g_assert_nonnull (fixture->about);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_about (fixture->about);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->dataset);
}

static char *
get_string (GObject    *object,
            const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static void
collect_rows (GtkWidget *root,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static void
test_about_metainfo (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const english[] = { "C", NULL };
  g_autoptr(NichiroAppdata) appdata = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = get_string (fixture->about, "application-name");
  g_autofree char *icon = get_string (fixture->about, "application-icon");
  g_autofree char *version = get_string (fixture->about, "version");
  g_autofree char *developer = get_string (fixture->about, "developer-name");
  g_autofree char *comments = get_string (fixture->about, "comments");
  g_autofree char *website = get_string (fixture->about, "website");
  g_autofree char *issue_url = get_string (fixture->about, "issue-url");
  g_autofree char *notes = get_string (fixture->about, "release-notes");
  g_autofree char *notes_version = get_string (fixture->about, "release-notes-version");
  GtkLicense license_type;

  g_object_get (fixture->about, "license-type", &license_type, NULL);

  /* The metainfo in the program's resources, as the action reads it. */
  appdata = nichiro_appdata_new_from_resource (NICHIRO_APPDATA_RESOURCE, english, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (name, ==, "Nichiro");
  g_assert_cmpstr (icon, ==, APPLICATION_ID);
  /* Drawn, not a missing-image placeholder, even from the build. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icon));
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (developer, ==, "The Nichiro authors");
  g_assert_cmpstr (comments, ==, "Study Japan–Russia diplomatic relations, 1855–1956");
  g_assert_cmpstr (website, ==, "https://github.com/nichiro/nichiro");
  g_assert_cmpstr (issue_url, ==, "https://github.com/nichiro/nichiro/issues");
  g_assert_cmpint (license_type, ==, GTK_LICENSE_GPL_3_0);

  /* What's New: the notes of this very version. */
  g_assert_cmpstr (notes_version, ==, PACKAGE_VERSION);
  g_assert_cmpstr (notes, ==, nichiro_appdata_get_release_notes (appdata));
  g_assert_true (g_str_has_prefix (notes, "<p>The first release.</p><ul><li>"));
}

static void
test_about_dataset_credits (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->about);
  const NichiroSource *sources;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *group;
  GtkWidget *legal;
  guint n_sources;

  sources = nichiro_dataset_get_sources (fixture->dataset, &n_sources);
  g_assert_cmpuint (n_sources, >, 0);

  /* Each of the dataset's sources by its title, linking to it. */
  group = nichiro_test_find_matching (root, is_group_titled, "Dataset Sources");
  g_assert_nonnull (group);
  collect_rows (group, rows);
  g_assert_cmpuint (rows->len, ==, n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, sources[i].title);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (rows->pdata[i]), ==, sources[i].url);
      g_assert_true (gtk_list_box_row_get_activatable (rows->pdata[i]));
    }

  /* The dataset's own licence, apart from the program's. */
  g_assert_nonnull (nichiro_test_find_matching (root, is_label_containing, "Dataset"));
  legal = nichiro_test_find_matching (root, is_label_containing, "CC-BY-4.0");
  g_assert_nonnull (legal);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (legal)), "bundled dataset"));
}

/* The map's coastline is credited and licensed, whatever the dataset. */
static void
test_about_coastline (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->about);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *group;
  GtkWidget *legal;

  group = nichiro_test_find_matching (root, is_group_titled, "Map Data");
  g_assert_nonnull (group);
  collect_rows (group, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "GSHHG, Paul Wessel and Walter H. F. Smith");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (rows->pdata[0]), ==, "https://www.soest.hawaii.edu/pwessel/gshhg/");

  legal = nichiro_test_find_matching (root, is_label_containing, "extracted from GSHHG");
  g_assert_nonnull (legal);
  g_assert_nonnull (nichiro_test_find_matching (root, is_label_containing, "GNU Lesser General Public License"));
}

/* A dataset opened with --data is credited for itself, and the words
 * about the bundled one are not used for it. */
static void
test_about_other_dataset (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->about);
  GtkWidget *legal;
  guint n_sources;

  nichiro_dataset_get_sources (fixture->dataset, &n_sources);
  g_assert_cmpuint (n_sources, ==, 0);
  g_assert_null (nichiro_test_find_matching (root, is_group_titled, "Dataset Sources"));

  legal = nichiro_test_find_matching (root, is_label_containing, "CC-BY-4.0");
  g_assert_nonnull (legal);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (legal)), nichiro_dataset_get_title (fixture->dataset)));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (legal)), "bundled"));
}

/* Source titles are shown as written: the about window's credits read
 * "<…>" as an e-mail address and a web address as the link, cutting the
 * title there. */
static void
test_about_credits_as_written (void)
{
  static const struct { const char *title; const char *url; const char *shown; } sources[] = {
    { "Letters <unpublished> & notes", "https://example.org/a", "Letters ‹unpublished› & notes" },
    { "Copied from http://example.org/b, 1905", "https://example.org/b", "Copied from http\u2060://example.org/b, 1905" },
    { "No link <here>", NULL, "No link ‹here›" },
  };
  g_autofree char *path = nichiro_test_data_path ("small.json");
  g_autoptr(JsonNode) root = nichiro_test_parse_file (path);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  NichiroWindow *window;
  GObject *about;
  GtkWidget *group;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      JsonObject *source = json_object_new ();

      json_object_set_string_member (source, "title", sources[i].title);
      if (sources[i].url != NULL)
        json_object_set_string_member (source, "url", sources[i].url);
      json_array_add_object_element (array, source);
    }
  json_object_set_array_member (json_node_get_object (root), "sources", json_array_ref (array));
  text = json_to_string (root, FALSE);
  dataset = nichiro_dataset_new_from_data (text, strlen (text), "sources.json", &error);
  g_assert_no_error (error);

  session = nichiro_session_new (dataset, NULL);
  window = nichiro_window_new (GTK_APPLICATION (app), session);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_about (window);
  g_assert_nonnull (about);

  group = nichiro_test_find_matching (GTK_WIDGET (about), is_group_titled, "Dataset Sources");
  g_assert_nonnull (group);
  collect_rows (group, rows);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (sources));
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[i]), ==, sources[i].shown);
      g_assert_cmpstr (gtk_widget_get_tooltip_text (rows->pdata[i]), ==, sources[i].url);
      g_assert_true (gtk_list_box_row_get_activatable (rows->pdata[i]) == (sources[i].url != NULL));
    }

  close_about (about);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!nichiro_test_init_display ())
    return 1;

  app = nichiro_test_application_new ();

  g_test_add ("/nichiro/about/window/metainfo", Fixture, NULL,
              fixture_set_up, test_about_metainfo, fixture_tear_down);
  g_test_add ("/nichiro/about/window/dataset-credits", Fixture, NULL,
              fixture_set_up, test_about_dataset_credits, fixture_tear_down);
  g_test_add ("/nichiro/about/window/coastline", Fixture, NULL,
              fixture_set_up, test_about_coastline, fixture_tear_down);
  g_test_add ("/nichiro/about/window/other-dataset", Fixture, "small.json",
              fixture_set_up, test_about_other_dataset, fixture_tear_down);
  g_test_add_func ("/nichiro/about/window/credits-as-written", test_about_credits_as_written);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
