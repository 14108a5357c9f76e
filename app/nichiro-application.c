/* nichiro-application.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "nichiro-about.h"
#include "nichiro-application.h"
#include "nichiro-cli.h"
#include "nichiro-dataset-error-window.h"
#include "nichiro-search-provider.h"
#include "nichiro-session.h"
#include "nichiro-study-store.h"
#include "nichiro-ui-utils.h"
#include "nichiro-window.h"

struct _NichiroApplication
{
  AdwApplication parent_instance;

  NichiroDataset *dataset;
  NichiroDatasetLoader *loader;   /* the bundled dataset, read on a thread */
  char *data_name;                /* --data when it could not be read */
  GError *data_error;
  NichiroStudyStore *store;
  NichiroSearchProvider *search_provider;
  GSettings *settings;

  /* SIGTERM, SIGINT and SIGHUP, which end the program as Ctrl+Q does. */
  guint signal_sources[3];
  /* Held while notes the end of the session would lose are unsaved. */
  guint logout_inhibit;

  /* The program's style sheets (see load_styles()). */
  GtkCssProvider *style;
  GtkCssProvider *high_contrast_style;
  gboolean high_contrast_style_shown;

  /* Whether GApplication got as far as handing the options over. */
  gboolean options_parsed;
  /* Set once the reader asked to quit: the last window gone, the
   * program ends even if something (the Shell's search) holds it. */
  gboolean quitting;
};

G_DEFINE_FINAL_TYPE (NichiroApplication, nichiro_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the entries that match QUERY, best first"), N_("QUERY") },
  { "show", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the entry with the id ID in full"), N_("ID") },
  { "list", 'l', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print every entry in date order"), NULL },
  { "in-force", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the instruments in force on DATE (YYYY-MM-DD, or YYYY-MM-DD O.S.)"), N_("DATE") },
  { "territory", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print who held each area of the Sakhalin and Kuril frontier on DATE (YYYY-MM-DD, or YYYY-MM-DD O.S.)"), N_("DATE") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print --search, --show, --list, --in-force and --territory results as JSON"), NULL },
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

static char *
lookup_string (GVariantDict *options,
               const char   *name,
               const char   *format)
{
  char *value = NULL;

  g_variant_dict_lookup (options, name, format, &value);
  return value;
}

static gboolean
has_main_window (NichiroApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (NICHIRO_IS_WINDOW (l->data))
        return TRUE;
    }

  return FALSE;
}

/* The main windows are gone: what is left (About, the shortcuts, the
 * window about a broken --data) goes with them. */
static void
finish_quit (NichiroApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_application_quit (G_APPLICATION (self));
}

/**
 * nichiro_application_request_quit:
 * @self: the application
 *
 * The one way out: Ctrl+Q, SIGTERM, SIGINT, SIGHUP and the end of the
 * session come here. Each main window is closed as its close button
 * closes it, least recently used first, so that the last one, the one the
 * reader sees, saves the notes and asks if they cannot be saved. The
 * program ends once the reader's notes are saved or given up.
 */
void
nichiro_application_request_quit (NichiroApplication *self)
{
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (NICHIRO_IS_APPLICATION (self));

  self->quitting = TRUE;
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);
  for (GList *l = g_list_last (windows); l != NULL; l = l->prev)
    {
      if (!NICHIRO_IS_WINDOW (l->data))
        continue;

      gtk_window_close (l->data);
      /* Still there: it asks the reader about unsaved notes. */
      if (gtk_window_get_application (l->data) != NULL)
        break;
    }
  g_list_free_full (g_steal_pointer (&windows), g_object_unref);

  if (!has_main_window (self))
    finish_quit (self);
}

static void
window_removed_cb (NichiroApplication *self,
                   GtkWindow          *window)
{
  /* "Quit Anyway" on the last window, after a request to quit. */
  if (self->quitting && NICHIRO_IS_WINDOW (window) && !has_main_window (self))
    finish_quit (self);
}

static gboolean
quit_signal_cb (gpointer user_data)
{
  nichiro_application_request_quit (user_data);
  return G_SOURCE_CONTINUE;
}

/* The study stores the main windows show (one, but for tests), and the
 * application's own. */
static GPtrArray *
dup_stores (NichiroApplication *self)
{
  GPtrArray *stores = g_ptr_array_new ();

  if (self->store != NULL)
    g_ptr_array_add (stores, self->store);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      NichiroStudyStore *store;

      if (!NICHIRO_IS_WINDOW (l->data))
        continue;

      store = nichiro_session_get_store (nichiro_window_get_session (l->data));
      if (store != NULL && !g_ptr_array_find (stores, store, NULL))
        g_ptr_array_add (stores, store);
    }

  return stores;
}

static void
store_saved_cb (NichiroApplication *self,
                GParamSpec         *pspec,
                NichiroStudyStore  *store)
{
  if (self->logout_inhibit == 0 || nichiro_study_store_has_unsaved_changes (store))
    return;

  gtk_application_uninhibit (GTK_APPLICATION (self), self->logout_inhibit);
  self->logout_inhibit = 0;
  g_signal_handlers_disconnect_by_func (store, store_saved_cb, self);
}

/* The session is about to end (logging out, shutting down): notes that
 * cannot be saved hold it up, saying why, until they are saved, and the
 * reader is asked as if they had pressed Ctrl+Q. */
static void
query_end_cb (NichiroApplication *self)
{
  g_autoptr(GPtrArray) stores = dup_stores (self);
  NichiroStudyStore *unsaved = NULL;

  for (guint i = 0; i < stores->len; i++)
    {
      NichiroStudyStore *store = g_ptr_array_index (stores, i);

      if (!nichiro_study_store_flush (store, NULL) && nichiro_study_store_has_unsaved_changes (store))
        unsaved = store;
    }

  if (unsaved == NULL)
    return;

  if (self->logout_inhibit == 0)
    {
      self->logout_inhibit = gtk_application_inhibit (GTK_APPLICATION (self),
                                                      gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                      GTK_APPLICATION_INHIBIT_LOGOUT,
                                                      _("Your latest notes could not be saved"));
      g_signal_connect_object (unsaved, "notify::has-unsaved-changes",
                               G_CALLBACK (store_saved_cb), self, G_CONNECT_SWAPPED);
    }
  nichiro_application_request_quit (self);
}

static void
nichiro_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  nichiro_application_request_quit (user_data);
}

static void
nichiro_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  NichiroApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  NichiroDataset *dataset = nichiro_application_get_dataset (self);

  /* The dataset the window shows, which --data may have replaced. */
  if (NICHIRO_IS_WINDOW (window))
    dataset = nichiro_session_get_dataset (nichiro_window_get_session (NICHIRO_WINDOW (window)));

  nichiro_about_present (window, dataset);
}

static void nichiro_application_open_bundled_action (GSimpleAction *action,
                                                     GVariant      *parameter,
                                                     gpointer       user_data);

static const GActionEntry app_actions[] = {
  { "quit", nichiro_application_quit_action },
  { "about", nichiro_application_about_action },
  { "open-bundled", nichiro_application_open_bundled_action },
};

static int
nichiro_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  NichiroApplication *self = NICHIRO_APPLICATION (app);
  g_auto(NichiroCliOptions) cli = { 0, };
  g_autoptr(NichiroDataset) dataset = NULL;
  int status;

  self->options_parsed = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("nichiro %s\n", PACKAGE_VERSION);
      return NICHIRO_EXIT_OK;
    }

  cli.search = lookup_string (options, "search", "s");
  cli.show = lookup_string (options, "show", "s");
  cli.validate = lookup_string (options, "validate", "^ay");
  cli.in_force = lookup_string (options, "in-force", "s");
  cli.territory = lookup_string (options, "territory", "s");
  cli.data = lookup_string (options, "data", "^ay");
  cli.replay_reviews = lookup_string (options, "replay-reviews", "^ay");
  cli.list = g_variant_dict_contains (options, "list");
  cli.json = g_variant_dict_contains (options, "json");

  /* A window on another dataset is its own instance: a running Nichiro must
   * not be handed a file it would ignore. */
  if (cli.data != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  /* Started from a launcher or a file manager, nobody reads stderr: a file
   * that will not open is shown in a window (activate). */
  if (cli.data != NULL && nichiro_cli_options_opens_window (&cli))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli.data);
      g_autoptr(GError) error = NULL;

      dataset = nichiro_dataset_new_from_file (file, &error);
      if (dataset == NULL)
        {
          g_printerr ("%s\n", error->message);
          self->data_name = g_file_get_parse_name (file);
          self->data_error = g_steal_pointer (&error);
          return NICHIRO_CLI_CONTINUE;
        }

      g_set_object (&self->dataset, dataset);
      return NICHIRO_CLI_CONTINUE;
    }

  status = nichiro_cli_run (&cli, &dataset);
  if (status != NICHIRO_CLI_CONTINUE)
    return status;

  g_set_object (&self->dataset, dataset);
  if (dataset == NULL)
    self->loader = nichiro_dataset_loader_new_default ();

  return NICHIRO_CLI_CONTINUE;
}

static gboolean
nichiro_application_local_command_line (GApplication   *app,
                                        char         ***arguments,
                                        int            *exit_status)
{
  NichiroApplication *self = NICHIRO_APPLICATION (app);
  gboolean handled;

  self->options_parsed = FALSE;
  handled = G_APPLICATION_CLASS (nichiro_application_parent_class)->local_command_line (app, arguments, exit_status);

  /* GApplication answers options it cannot parse (unknown, or missing
   * their argument) with status 1, which means "nothing found" here. */
  if (handled && !self->options_parsed && *exit_status == EXIT_FAILURE)
    *exit_status = NICHIRO_EXIT_BAD_INPUT;

  return handled;
}

/* The dataset to show: the one given with --data, or the bundled one,
 * waited for if its thread is still reading it. */
static NichiroDataset *
get_dataset (NichiroApplication  *self,
             GError             **error)
{
  if (self->dataset == NULL && self->loader != NULL)
    {
      g_set_object (&self->dataset, nichiro_dataset_loader_join (self->loader, error));
      g_clear_object (&self->loader);
      return self->dataset;
    }

  if (self->dataset == NULL)
    self->dataset = nichiro_dataset_new_default (error);

  return self->dataset;
}

/* The window, made on first use; NULL only if the bundled dataset will
 * not load, which the test suite rules out. */
static NichiroWindow *
ensure_window (NichiroApplication *self)
{
  GtkWindow *window = NULL;
  g_autoptr(NichiroSession) session = NULL;
  g_autoptr(GError) error = NULL;

  /* Most recently focused first. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (NICHIRO_IS_WINDOW (l->data))
        return l->data;
    }

  if (get_dataset (self, &error) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = nichiro_study_store_dup_default_path ();

      self->store = nichiro_study_store_new (path);
    }

  session = nichiro_session_new (self->dataset, self->store);
  window = GTK_WINDOW (nichiro_window_new (GTK_APPLICATION (self), session));

  if (g_getenv ("NICHIRO_EXIT_AFTER_FIRST_FRAME") != NULL)
    nichiro_quit_after_first_frame (window);

  return NICHIRO_WINDOW (window);
}

static void
nichiro_application_activate (GApplication *app)
{
  NichiroApplication *self = NICHIRO_APPLICATION (app);
  NichiroWindow *window;

  if (self->data_error != NULL)
    {
      GtkWindow *shown = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (shown == NULL)
        shown = GTK_WINDOW (nichiro_dataset_error_window_new (GTK_APPLICATION (app), self->data_name, self->data_error));
      gtk_window_present (shown);
      return;
    }

  window = ensure_window (self);
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

/* From the window that says --data could not be read. */
static void
nichiro_application_open_bundled_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  NichiroApplication *self = user_data;
  GtkWindow *error_window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_clear_error (&self->data_error);
  g_clear_pointer (&self->data_name, g_free);
  if (self->dataset == NULL && self->loader == NULL)
    self->loader = nichiro_dataset_loader_new_default ();

  /* The main window first, so that the application never has none. */
  g_application_activate (G_APPLICATION (self));
  if (error_window != NULL && !NICHIRO_IS_WINDOW (error_window))
    gtk_window_destroy (error_window);
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
   * keystrokes rather than exit and be started again, and read the
   * dataset at once, for the first query. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    {
      g_application_set_inactivity_timeout (app, 10000);
      if (self->loader != NULL)
        nichiro_dataset_loader_start (self->loader);
    }

  /* The provider waits for the dataset and builds its search index on the
   * Shell's first query, so registering costs start-up nothing. */
  if (self->dataset != NULL)
    self->search_provider = nichiro_search_provider_new (NULL, self->dataset);
  else if (self->loader != NULL)
    self->search_provider = nichiro_search_provider_new_deferred (self->loader);
  else
    return TRUE;
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

#define RESOURCE_BASE_PATH "/io/github/nichiro/Nichiro"

static void
high_contrast_changed_cb (NichiroApplication *self)
{
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  GdkDisplay *display = gdk_display_get_default ();

  if (high_contrast == self->high_contrast_style_shown || display == NULL)
    return;

  if (high_contrast)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->high_contrast_style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  else
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->high_contrast_style));
  self->high_contrast_style_shown = high_contrast;
}

/* style.css always, style-hc.css over it in high contrast: what
 * AdwApplication does with the style sheets under its resource base path,
 * which this application does not have (see nichiro_application_constructed()). */
static void
load_styles (NichiroApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || self->style != NULL)
    return;

  self->style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->style, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->high_contrast_style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->high_contrast_style, RESOURCE_BASE_PATH "/style-hc.css");
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (high_contrast_changed_cb), self, G_CONNECT_SWAPPED);
  high_contrast_changed_cb (self);
}

static void
nichiro_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP };
  NichiroApplication *self = NICHIRO_APPLICATION (app);

  /* The bundled dataset is read on a thread from when the display is
   * open, not sooner: until then the main thread mostly waits on the
   * session bus and the X server, and a thread busy on the second core of
   * a two-core machine slows each of those round trips. From there on GTK
   * and libadwaita parse their style sheets, which a thread beside them
   * barely slows (nichiro-bench's start-up, cairo: 4% shorter than with
   * the thread started before the bus registration). gtk_init() is what
   * GtkApplication's start-up opens the display with; it does nothing the
   * second time. */
  gtk_init ();
  if (self->loader != NULL)
    nichiro_dataset_loader_start (self->loader);

  /* libadwaita first, before AdwApplication's start-up would: asking for
   * the display's icon theme starts GTK reading it on a thread, and
   * adw_init() adds libadwaita's icons to it straight after, before that
   * thread begins. Any path added once the thread has read the theme
   * throws the reading away, and the first icon of the first frame then
   * reads it again on the main thread. Hence no resource base path either
   * (GtkApplication would add its icons/ half-way through); the style
   * sheets are loaded by load_styles(), the application's icon by the
   * About window if the icon theme does not have it. nichiro-bench's
   * start-up, cairo: 8 to 15 ms shorter in interleaved runs. */
  adw_init ();

  G_APPLICATION_CLASS (nichiro_application_parent_class)->startup (app);
  load_styles (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  G_STATIC_ASSERT (G_N_ELEMENTS (quit_signals) == G_N_ELEMENTS (self->signal_sources));
  for (guint i = 0; i < G_N_ELEMENTS (quit_signals); i++)
    self->signal_sources[i] = g_unix_signal_add (quit_signals[i], quit_signal_cb, self);
}

/* The last chance, whoever ended the main loop: nobody can be asked any
 * more, so what cannot be saved is said where it can be read. */
static void
nichiro_application_shutdown (GApplication *app)
{
  NichiroApplication *self = NICHIRO_APPLICATION (app);
  g_autoptr(GPtrArray) stores = dup_stores (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  for (guint i = 0; i < stores->len; i++)
    {
      NichiroStudyStore *store = g_ptr_array_index (stores, i);
      g_autoptr(GError) error = NULL;

      if (!nichiro_study_store_flush (store, &error) && nichiro_study_store_has_unsaved_changes (store))
        g_printerr ("%s\n", error->message);
    }

  G_APPLICATION_CLASS (nichiro_application_parent_class)->shutdown (app);
}

static void
nichiro_application_dispose (GObject *object)
{
  NichiroApplication *self = (NichiroApplication *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_object (&self->dataset);
  g_clear_object (&self->loader);
  g_clear_pointer (&self->data_name, g_free);
  g_clear_error (&self->data_error);
  g_clear_object (&self->store);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->settings);

  if (self->style != NULL && gdk_display_get_default () != NULL)
    {
      gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->style));
      if (self->high_contrast_style_shown)
        gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                       GTK_STYLE_PROVIDER (self->high_contrast_style));
    }
  g_clear_object (&self->style);
  g_clear_object (&self->high_contrast_style);

  G_OBJECT_CLASS (nichiro_application_parent_class)->dispose (object);
}

/* GApplication derives a resource base path from the application id once
 * constructed: none, for the reason given in nichiro_application_startup(). */
static void
nichiro_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (nichiro_application_parent_class)->constructed (object);

  g_application_set_resource_base_path (G_APPLICATION (object), NULL);
}

static void
nichiro_application_class_init (NichiroApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = nichiro_application_constructed;
  object_class->dispose = nichiro_application_dispose;

  app_class->local_command_line = nichiro_application_local_command_line;
  app_class->handle_local_options = nichiro_application_handle_local_options;
  app_class->activate = nichiro_application_activate;
  app_class->dbus_register = nichiro_application_dbus_register;
  app_class->dbus_unregister = nichiro_application_dbus_unregister;
  app_class->startup = nichiro_application_startup;
  app_class->shutdown = nichiro_application_shutdown;
}

static void
nichiro_application_init (NichiroApplication *self)
{
#if !GTK_CHECK_VERSION (4, 21, 0)
  /* For query-end; GTK 4.22 always registers. */
  g_object_set (self, "register-session", TRUE, NULL);
#endif
  g_signal_connect (self, "query-end", G_CALLBACK (query_end_cb), NULL);
  g_signal_connect (self, "window-removed", G_CALLBACK (window_removed_cb), NULL);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Study Japan–Russia relations, 1855–1956, with the earlier "
                                              "contacts from 1702. Without options, opens the window; with "
                                              "one, answers on the command line."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("Exit status: 0 success, 1 nothing found, 2 bad input or usage.\n\n"
                                                  "Examples:\n"
                                                  "  nichiro --search \"neutrality pact\" --json\n"
                                                  "  nichiro --show portsmouth-1905\n"
                                                  "  nichiro --in-force 1920-01-01\n"
                                                  "  nichiro --territory 1910-01-01 --json\n"
                                                  "  nichiro --validate my-dataset.json"));
}

NichiroApplication *
nichiro_application_new (void)
{
  return g_object_new (NICHIRO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
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

  return get_dataset (self, NULL);
}
