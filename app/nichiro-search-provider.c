/* nichiro-search-provider.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-search-provider.h"

/* GNOME Shell's search provider interface, version 2, over a NichiroSearch.
 * The Shell splits what is typed into terms; they are joined back into one
 * query, so the query language (kind:treaty, "basic convention") works in
 * the Shell as in the window. Activating a result or the application's
 * icon is handed to whoever listens to the two signals: this object knows
 * nothing of windows. */

struct _NichiroSearchProvider
{
  GObject parent_instance;

  NichiroDataset *dataset;
  NichiroDatasetLoader *loader;   /* until the dataset is needed */
  NichiroSearch *search;        /* borrowed from the caller, or … */
  NichiroSearch *own_search;    /* … built here on the first query */
  NichiroLanguage title_language;

  GDBusConnection *connection;
  guint registration_id;
};

G_DEFINE_FINAL_TYPE (NichiroSearchProvider, nichiro_search_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_RESULT,
  LAUNCH_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GDBusInterfaceInfo *
get_interface_info (void)
{
  static GDBusInterfaceInfo *info;

  if (g_once_init_enter (&info))
    {
      g_autoptr(GDBusNodeInfo) node = NULL;
      g_autoptr(GError) error = NULL;

      node = g_dbus_node_info_new_for_xml (introspection_xml, &error);
      g_assert_no_error (error);
      g_once_init_leave (&info, g_dbus_interface_info_ref (node->interfaces[0]));
    }

  return info;
}

/* The dataset, waited for when the Shell first asks; %NULL if it could
 * not be loaded, and then the provider finds nothing. */
static NichiroDataset *
get_dataset (NichiroSearchProvider *self)
{
  if (self->dataset == NULL && self->loader != NULL)
    {
      g_autoptr(GError) error = NULL;
      NichiroDataset *dataset = nichiro_dataset_loader_join (self->loader, &error);

      if (dataset == NULL)
        g_warning ("The search provider has no dataset: %s", error->message);
      g_set_object (&self->dataset, dataset);
      g_clear_object (&self->loader);
    }

  return self->dataset;
}

static NichiroSearch *
get_search (NichiroSearchProvider *self)
{
  if (self->search != NULL)
    return self->search;

  /* Built when the Shell first asks, not when the application starts:
   * most runs of Nichiro are never searched from the Shell. */
  if (self->own_search == NULL && get_dataset (self) != NULL)
    self->own_search = nichiro_search_new (get_dataset (self));

  return self->own_search;
}

static GVariant *
run_search (NichiroSearchProvider  *self,
            const char * const     *terms)
{
  g_autoptr(NichiroSearchResults) results = NULL;
  g_autofree char *query = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));

  query = g_strjoinv (" ", (char **) terms);
  g_strstrip (query);
  if (*query != '\0' && get_search (self) != NULL)
    {
      results = nichiro_search_run (get_search (self), query);

      for (guint i = 0; i < results->items->len && i < NICHIRO_SEARCH_PROVIDER_MAX_RESULTS; i++)
        {
          NichiroSearchResult *result = g_ptr_array_index (results->items, i);

          g_variant_builder_add (&builder, "s", nichiro_entry_get_id (result->entry));
        }
    }

  return g_variant_new ("(as)", &builder);
}

static GVariant *
get_result_metas (NichiroSearchProvider  *self,
                  const char * const     *ids)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));

  for (guint i = 0; ids[i] != NULL && get_dataset (self) != NULL; i++)
    {
      NichiroEntry *entry = nichiro_dataset_lookup_entry (get_dataset (self), ids[i]);
      g_autofree char *date = NULL;
      g_autofree char *description = NULL;

      /* An id from an older result set, or from another dataset, is
       * left out rather than failing the whole call. */
      if (entry == NULL)
        continue;

      date = nichiro_entry_dup_date_label (entry);
      /* Translators: below an entry in GNOME Shell's search results: its
       * date and its kind, e.g. "5 Sep 1905 · Treaty" */
      description = g_strdup_printf (_("%s · %s"),
                                     date,
                                     nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)));

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (nichiro_entry_get_display_title (entry, self->title_language)));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&builder, "{sv}", "gicon", g_variant_new_string (APPLICATION_ID));
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  NichiroSearchProvider *self = user_data;
  GApplication *application = g_application_get_default ();

  /* When the Shell started Nichiro only to search (--gapplication-service),
   * each call restarts the application's inactivity timeout, so that it
   * stays between keystrokes. With no timeout set, holding and releasing
   * would instead end GLib's first ten seconds of grace at once. */
  if (application != NULL && g_application_get_inactivity_timeout (application) == 0)
    application = NULL;
  if (application != NULL)
    g_application_hold (application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      g_dbus_method_invocation_return_value (invocation, run_search (self, terms));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      /* Searched again rather than filtered: ranking depends on every
       * term, and a misspelling forgiven before may be exact now. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      g_dbus_method_invocation_return_value (invocation, run_search (self, terms));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_dbus_method_invocation_return_value (invocation, get_result_metas (self, ids));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      g_autofree const char **terms = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(&s^a&su)", &id, &terms, &timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
      g_signal_emit (self, signals[ACTIVATE_RESULT], 0, id, timestamp);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
      g_signal_emit (self, signals[LAUNCH_SEARCH], 0, terms, timestamp);
    }
  else
    {
      /* GDBus checks the method against the interface before calling. */
      g_assert_not_reached ();
    }

  if (application != NULL)
    g_application_release (application);
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call_cb,
};

static void
nichiro_search_provider_dispose (GObject *object)
{
  NichiroSearchProvider *self = (NichiroSearchProvider *)object;

  nichiro_search_provider_unregister (self);

  G_OBJECT_CLASS (nichiro_search_provider_parent_class)->dispose (object);
}

static void
nichiro_search_provider_finalize (GObject *object)
{
  NichiroSearchProvider *self = (NichiroSearchProvider *)object;

  g_clear_pointer (&self->own_search, nichiro_search_free);
  g_clear_object (&self->dataset);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (nichiro_search_provider_parent_class)->finalize (object);
}

static void
nichiro_search_provider_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  NichiroSearchProvider *self = NICHIRO_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_TITLE_LANGUAGE:
      g_value_set_enum (value, self->title_language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_search_provider_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  NichiroSearchProvider *self = NICHIRO_SEARCH_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_TITLE_LANGUAGE:
      if (self->title_language != (NichiroLanguage) g_value_get_enum (value))
        {
          self->title_language = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_search_provider_class_init (NichiroSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nichiro_search_provider_dispose;
  object_class->finalize = nichiro_search_provider_finalize;
  object_class->get_property = nichiro_search_provider_get_property;
  object_class->set_property = nichiro_search_provider_set_property;

  /**
   * NichiroSearchProvider:title-language:
   *
   * The language of the titles the Shell shows for the results; the
   * application binds it to the title-language setting.
   */
  properties[PROP_TITLE_LANGUAGE] =
    g_param_spec_enum ("title-language", NULL, NULL,
                       NICHIRO_TYPE_LANGUAGE, NICHIRO_LANGUAGE_EN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroSearchProvider::activate-result:
   * @self: the provider
   * @entry_id: the id of the entry the user chose
   * @timestamp: the time of the user's action, for presenting a window
   *
   * The user chose an entry among the Shell's results: show it.
   */
  signals[ACTIVATE_RESULT] =
    g_signal_new ("activate-result",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  /**
   * NichiroSearchProvider::launch-search:
   * @self: the provider
   * @terms: (array zero-terminated=1): what the user typed, split into terms
   * @timestamp: the time of the user's action, for presenting a window
   *
   * The user chose the application itself from the Shell's results: open
   * it searching for the same terms.
   */
  signals[LAUNCH_SEARCH] =
    g_signal_new ("launch-search",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_UINT);
}

static void
nichiro_search_provider_init (NichiroSearchProvider *self)
{
}

/**
 * nichiro_search_provider_new:
 * @search: (nullable) (transfer none): the search to answer with; it must
 *   outlive the provider. %NULL to build one from @dataset on first use
 * @dataset: the dataset @search covers, for the results' titles and dates
 *
 * Returns: (transfer full): a provider, not yet on any bus
 */
NichiroSearchProvider *
nichiro_search_provider_new (NichiroSearch  *search,
                             NichiroDataset *dataset)
{
  NichiroSearchProvider *self;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  self = g_object_new (NICHIRO_TYPE_SEARCH_PROVIDER, NULL);
  self->search = search;
  self->dataset = g_object_ref (dataset);

  return self;
}

/**
 * nichiro_search_provider_new_deferred:
 * @loader: the dataset being loaded
 *
 * A provider that waits for @loader only when the Shell first asks, so
 * that registering it on the bus does not wait for the dataset.
 *
 * Returns: (transfer full): a provider, not yet on any bus
 */
NichiroSearchProvider *
nichiro_search_provider_new_deferred (NichiroDatasetLoader *loader)
{
  NichiroSearchProvider *self;

  g_return_val_if_fail (NICHIRO_IS_DATASET_LOADER (loader), NULL);

  self = g_object_new (NICHIRO_TYPE_SEARCH_PROVIDER, NULL);
  self->loader = g_object_ref (loader);

  return self;
}

/**
 * nichiro_search_provider_register:
 * @self: the provider
 * @connection: the session bus, as GApplication's dbus_register gets it
 * @object_path: %NICHIRO_SEARCH_PROVIDER_OBJECT_PATH, the path the
 *   search provider's .ini file names
 * @error: where to put the error
 *
 * Exports org.gnome.Shell.SearchProvider2 at @object_path until
 * nichiro_search_provider_unregister() or the provider's disposal.
 *
 * Returns: whether it was exported
 */
gboolean
nichiro_search_provider_register (NichiroSearchProvider  *self,
                                  GDBusConnection        *connection,
                                  const char             *object_path,
                                  GError                **error)
{
  guint id;

  g_return_val_if_fail (NICHIRO_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (g_variant_is_object_path (object_path), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->registration_id != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "The search provider is already exported at %s", object_path);
      return FALSE;
    }

  id = g_dbus_connection_register_object (connection, object_path,
                                          get_interface_info (),
                                          &vtable, self, NULL,
                                          error);
  if (id == 0)
    return FALSE;

  self->registration_id = id;
  g_set_object (&self->connection, connection);

  return TRUE;
}

/**
 * nichiro_search_provider_unregister:
 * @self: the provider
 *
 * Withdraws the provider from the bus; does nothing if it is not on one.
 */
void
nichiro_search_provider_unregister (NichiroSearchProvider *self)
{
  g_return_if_fail (NICHIRO_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    {
      g_dbus_connection_unregister_object (self->connection, self->registration_id);
      self->registration_id = 0;
    }

  g_clear_object (&self->connection);
}
