/* nichiro-application.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-application.h"
#include "nichiro-appdata.h"
#include "nichiro-cli.h"
#include "nichiro-search-provider.h"
#include "nichiro-session.h"
#include "nichiro-study-store.h"
#include "nichiro-ui-utils.h"
#include "nichiro-window.h"

struct _NichiroApplication
{
  AdwApplication parent_instance;

  NichiroDataset *dataset;
  NichiroStudyStore *store;
  NichiroSearchProvider *search_provider;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (NichiroApplication, nichiro_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the entries that match QUERY, best first"), N_("QUERY") },
  { "show", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the entry with the id ID in full"), N_("ID") },
  { "list", 'l', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print every entry in date order"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print --search, --show and --list results as JSON"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check that FILE is a valid dataset, reporting each problem"), N_("FILE") },
  { "data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the dataset in FILE instead of the bundled one"), N_("FILE") },
  { "replay-reviews", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replay the FSRS review log in FILE and print each card after its review as JSON"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/* The licences GTK knows by their AppStream (SPDX) ids. */
static const struct
{
  const char *spdx;
  GtkLicense type;
} known_licenses[] = {
  { "GPL-2.0-or-later", GTK_LICENSE_GPL_2_0 },
  { "GPL-3.0-or-later", GTK_LICENSE_GPL_3_0 },
  { "LGPL-2.1-or-later", GTK_LICENSE_LGPL_2_1 },
  { "LGPL-3.0-or-later", GTK_LICENSE_LGPL_3_0 },
  { "AGPL-3.0-or-later", GTK_LICENSE_AGPL_3_0 },
  { "GPL-2.0-only", GTK_LICENSE_GPL_2_0_ONLY },
  { "GPL-3.0-only", GTK_LICENSE_GPL_3_0_ONLY },
  { "LGPL-2.1-only", GTK_LICENSE_LGPL_2_1_ONLY },
  { "LGPL-3.0-only", GTK_LICENSE_LGPL_3_0_ONLY },
  { "AGPL-3.0-only", GTK_LICENSE_AGPL_3_0_ONLY },
  { "BSD-2-Clause", GTK_LICENSE_BSD },
  { "BSD-3-Clause", GTK_LICENSE_BSD_3 },
  { "MIT", GTK_LICENSE_MIT_X11 },
  { "Artistic-2.0", GTK_LICENSE_ARTISTIC },
  { "Apache-2.0", GTK_LICENSE_APACHE_2_0 },
  { "MPL-2.0", GTK_LICENSE_MPL_2_0 },
};

static char *
lookup_string (GVariantDict *options,
               const char   *name,
               const char   *format)
{
  char *value = NULL;

  g_variant_dict_lookup (options, name, format, &value);
  return value;
}

static void
nichiro_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* The dataset's own sources, each as "Title https://…", which the about
 * window shows as a link. */
static GStrv
dup_source_credits (NichiroDataset *dataset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const NichiroSource *sources;
  guint n_sources;

  sources = nichiro_dataset_get_sources (dataset, &n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *credit = NULL;

      if (sources[i].url != NULL)
        credit = g_strdup_printf ("%s %s", sources[i].title, sources[i].url);
      else
        credit = g_strdup (sources[i].title);
      g_strv_builder_add (builder, credit);
    }

  return g_strv_builder_end (builder);
}

/* Fills an AdwAboutWindow or, from libadwaita 1.5, an AdwAboutDialog: the
 * two have the same properties. @appdata is the AppStream metainfo (%NULL
 * if it could not be read); @dataset, if not %NULL, is credited with its
 * sources and licence. */
static void
fill_about (GObject        *about,
            NichiroAppdata *appdata,
            NichiroDataset *dataset)
{
  const char *name = NULL;
  const char *release = NULL;
  const char *spdx = NULL;
  g_autofree char *comments = NULL;
  GtkLicense license_type = GTK_LICENSE_CUSTOM;

  if (appdata != NULL)
    {
      name = nichiro_appdata_get_name (appdata);
      release = nichiro_appdata_get_release_version (appdata);
      spdx = nichiro_appdata_get_project_license (appdata);
      /* Comments are markup; the summary is text. */
      comments = g_markup_escape_text (or_empty (nichiro_appdata_get_summary (appdata)), -1);
    }

  g_object_set (about,
                "application-name", name != NULL ? name : "Nichiro",
                "application-icon", APPLICATION_ID,
                "version", release != NULL ? release : PACKAGE_VERSION,
                "developer-name", or_empty (appdata != NULL ? nichiro_appdata_get_developer_name (appdata) : NULL),
                "comments", or_empty (comments),
                "website", or_empty (appdata != NULL ? nichiro_appdata_get_homepage (appdata) : NULL),
                "issue-url", or_empty (appdata != NULL ? nichiro_appdata_get_bugtracker (appdata) : NULL),
                "release-notes-version", or_empty (release),
                "release-notes", or_empty (appdata != NULL ? nichiro_appdata_get_release_notes (appdata) : NULL),
                NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_licenses); i++)
    {
      if (g_strcmp0 (spdx, known_licenses[i].spdx) == 0)
        license_type = known_licenses[i].type;
    }
  if (license_type != GTK_LICENSE_CUSTOM)
    {
      g_object_set (about, "license-type", license_type, NULL);
    }
  else if (spdx != NULL)
    {
      g_autofree char *license = g_markup_escape_text (spdx, -1);

      g_object_set (about, "license", license, NULL);
    }

  if (dataset != NULL)
    {
      g_auto(GStrv) sources = dup_source_credits (dataset);
      const char *dataset_license = nichiro_dataset_get_license (dataset);
      g_autofree char *about_dataset = NULL;
      g_autofree char *license = NULL;
      g_autofree char *legal = NULL;

      /* Another dataset, opened with --data, is not ours to describe. */
      if (g_strcmp0 (nichiro_dataset_get_display_name (dataset),
                     "resource://" NICHIRO_DATASET_DEFAULT_RESOURCE) == 0)
        about_dataset = g_strdup (_("The bundled dataset is our own summary of public references, "
                                    "listed with every entry."));
      else
        about_dataset = g_markup_escape_text (or_empty (nichiro_dataset_get_title (dataset)), -1);

      if (g_strcmp0 (dataset_license, "CC-BY-4.0") == 0)
        license = g_strdup (_("Creative Commons Attribution 4.0 International (CC-BY-4.0)"));
      else
        license = g_markup_escape_text (or_empty (dataset_license), -1);

      /* Given as one text, laid out as the window would lay out the two:
       * AdwAboutWindow never frees a legal section's copyright. */
      legal = g_strconcat (about_dataset, "\n\n", license, NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
      adw_about_dialog_add_credit_section (ADW_ABOUT_DIALOG (about), _("Dataset Sources"),
                                           (const char **) sources);
      adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (about), _("Dataset"), NULL,
                                          GTK_LICENSE_CUSTOM, legal);
#else
      adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Dataset Sources"),
                                           (const char **) sources);
      adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Dataset"), NULL,
                                          GTK_LICENSE_CUSTOM, legal);
#endif
    }
}

static void
nichiro_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  NichiroApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  NichiroDataset *dataset = self->dataset;
  g_autoptr(NichiroAppdata) appdata = NULL;
  g_autoptr(GError) error = NULL;
  GObject *about;

  /* The metainfo is compiled in, so this fails only in a broken build;
   * the window then still says what it can. */
  appdata = nichiro_appdata_new_from_resource (NICHIRO_APPDATA_RESOURCE, NULL, &error);
  if (appdata == NULL)
    g_warning ("Cannot read the AppStream metainfo: %s", error->message);

  /* The dataset the window shows, which --data may have replaced. */
  if (NICHIRO_IS_WINDOW (window))
    dataset = nichiro_session_get_dataset (nichiro_window_get_session (NICHIRO_WINDOW (window)));

#if ADW_CHECK_VERSION (1, 5, 0)
  about = G_OBJECT (adw_about_dialog_new ());
  fill_about (about, appdata, dataset);
  adw_dialog_present (ADW_DIALOG (about), GTK_WIDGET (window));
#else
  about = G_OBJECT (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  fill_about (about, appdata, dataset);
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static const GActionEntry app_actions[] = {
  { "quit", nichiro_application_quit_action },
  { "about", nichiro_application_about_action },
};

static int
nichiro_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  NichiroApplication *self = NICHIRO_APPLICATION (app);
  g_auto(NichiroCliOptions) cli = { 0, };
  g_autoptr(NichiroDataset) dataset = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("nichiro %s\n", PACKAGE_VERSION);
      return NICHIRO_EXIT_OK;
    }

  cli.search = lookup_string (options, "search", "s");
  cli.show = lookup_string (options, "show", "s");
  cli.validate = lookup_string (options, "validate", "^ay");
  cli.data = lookup_string (options, "data", "^ay");
  cli.replay_reviews = lookup_string (options, "replay-reviews", "^ay");
  cli.list = g_variant_dict_contains (options, "list");
  cli.json = g_variant_dict_contains (options, "json");

  status = nichiro_cli_run (&cli, &dataset);
  if (status != NICHIRO_CLI_CONTINUE)
    return status;

  g_set_object (&self->dataset, dataset);

  /* A window on another dataset is its own instance: a running Nichiro must
   * not be handed a file it would ignore. */
  if (cli.data != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return NICHIRO_CLI_CONTINUE;
}

/* The window, made on first use; NULL only if the bundled dataset will
 * not load, which the test suite rules out. */
static NichiroWindow *
ensure_window (NichiroApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(NichiroSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    return NICHIRO_WINDOW (window);

  if (self->dataset == NULL)
    self->dataset = nichiro_dataset_new_default (&error);
  if (self->dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = nichiro_study_store_dup_default_path ();

      self->store = nichiro_study_store_new (path);
    }

  session = nichiro_session_new (self->dataset);
  window = GTK_WINDOW (nichiro_window_new (GTK_APPLICATION (self), session, self->store));

  if (g_getenv ("NICHIRO_EXIT_AFTER_FIRST_FRAME") != NULL)
    nichiro_quit_after_first_frame (window);

  return NICHIRO_WINDOW (window);
}

static void
nichiro_application_activate (GApplication *app)
{
  NichiroWindow *window = ensure_window (NICHIRO_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

/* GNOME Shell's search: a result opens the window on that entry, and
 * "search in Nichiro" opens it on the query. */
static void
activate_result_cb (NichiroApplication *self,
                    const char         *entry_id,
                    guint32             timestamp)
{
  NichiroWindow *window = ensure_window (self);

  if (window == NULL)
    return;

  nichiro_session_select_id (nichiro_window_get_session (window), entry_id);
  gtk_window_present_with_time (GTK_WINDOW (window), timestamp);
}

static void
launch_search_cb (NichiroApplication *self,
                  GStrv               terms,
                  guint32             timestamp)
{
  NichiroWindow *window = ensure_window (self);
  g_autofree char *query = NULL;

  if (window == NULL)
    return;

  query = g_strjoinv (" ", terms);
  nichiro_session_set_query (nichiro_window_get_session (window), query);
  gtk_window_present_with_time (GTK_WINDOW (window), timestamp);
}

static gboolean
nichiro_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  NichiroApplication *self = NICHIRO_APPLICATION (app);

  if (!G_APPLICATION_CLASS (nichiro_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  /* Started by the session bus for GNOME Shell's search: stay between
   * keystrokes rather than exit and be started again. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 10000);

  if (self->dataset == NULL)
    self->dataset = nichiro_dataset_new_default (NULL);
  if (self->dataset == NULL)
    return TRUE;

  /* The provider builds its search index on the Shell's first query, so
   * registering costs start-up nothing. */
  self->search_provider = nichiro_search_provider_new (NULL, self->dataset);
  g_signal_connect_object (self->search_provider, "activate-result",
                           G_CALLBACK (activate_result_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search",
                           G_CALLBACK (launch_search_cb), self, G_CONNECT_SWAPPED);

  /* The Shell names results as the window names entries. */
  if (self->settings == NULL)
    self->settings = nichiro_lookup_settings ();
  if (self->settings != NULL)
    g_settings_bind_with_mapping (self->settings, "title-language", self->search_provider, "title-language",
                                  G_SETTINGS_BIND_GET, nichiro_language_get_mapping, NULL, NULL, NULL);

  return nichiro_search_provider_register (self->search_provider, connection,
                                           NICHIRO_SEARCH_PROVIDER_OBJECT_PATH, error);
}

static void
nichiro_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  NichiroApplication *self = NICHIRO_APPLICATION (app);

  if (self->search_provider != NULL)
    {
      nichiro_search_provider_unregister (self->search_provider);
      g_clear_object (&self->search_provider);
    }

  G_APPLICATION_CLASS (nichiro_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
nichiro_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (nichiro_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
nichiro_application_dispose (GObject *object)
{
  NichiroApplication *self = (NichiroApplication *)object;

  g_clear_object (&self->dataset);
  g_clear_object (&self->store);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nichiro_application_parent_class)->dispose (object);
}

static void
nichiro_application_class_init (NichiroApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = nichiro_application_dispose;

  app_class->handle_local_options = nichiro_application_handle_local_options;
  app_class->activate = nichiro_application_activate;
  app_class->dbus_register = nichiro_application_dbus_register;
  app_class->dbus_unregister = nichiro_application_dbus_unregister;
  app_class->startup = nichiro_application_startup;
}

static void
nichiro_application_init (NichiroApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Study Japan–Russia relations, 1855–1956. Without options, "
                                              "opens the window; with one, answers on the command line."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Exit status: 0 success, 1 nothing found, 2 bad input or usage.\n\n"
                                                  "Examples:\n"
                                                  "  nichiro --search \"neutrality pact\" --json\n"
                                                  "  nichiro --show portsmouth-1905\n"
                                                  "  nichiro --validate my-dataset.json"));
}

NichiroApplication *
nichiro_application_new (void)
{
  return g_object_new (NICHIRO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/nichiro/Nichiro",
                       NULL);
}

/**
 * nichiro_application_get_dataset:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the dataset the window shows
 */
NichiroDataset *
nichiro_application_get_dataset (NichiroApplication *self)
{
  g_return_val_if_fail (NICHIRO_IS_APPLICATION (self), NULL);

  return self->dataset;
}
