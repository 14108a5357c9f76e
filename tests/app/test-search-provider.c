/* test-search-provider.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* GNOME Shell's side of the conversation, on a private session bus: the
 * provider is exported under the application's bus name on one connection
 * and called from another, as the Shell would. */

#include "config.h"

#include "nichiro-search-provider.h"

#define SHELL_INTERFACE "org.gnome.Shell.SearchProvider2"

static NichiroDataset *dataset;

typedef struct
{
  GTestDBus *bus;
  GDBusConnection *service;     /* where the provider lives */
  GDBusConnection *shell;       /* who asks */
  NichiroSearchProvider *provider;
  GMainLoop *loop;
  GVariant *reply;
  GError *error;

  /* What the signals carried. */
  char *activated_id;
  guint32 activated_timestamp;
  GStrv launched_terms;
  guint32 launched_timestamp;
  guint n_emissions;
} Fixture;

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &fixture->error);
  g_main_loop_quit (fixture->loop);
}

/* Calls a method the way the Shell does and waits for the answer while the
 * provider's connection is served by the same main loop. */
static GVariant *
call (Fixture    *fixture,
      const char *method,
      GVariant   *parameters,
      const char *reply_type,
      GError    **error)
{
  g_dbus_connection_call (fixture->shell,
                          APPLICATION_ID,
                          NICHIRO_SEARCH_PROVIDER_OBJECT_PATH,
                          SHELL_INTERFACE,
                          method,
                          parameters,
                          G_VARIANT_TYPE (reply_type),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START,
                          10000,
                          NULL,
                          call_done_cb,
                          fixture);
  g_main_loop_run (fixture->loop);

  if (fixture->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&fixture->error));
      return NULL;
    }

  return g_steal_pointer (&fixture->reply);
}

static GStrv
search (Fixture            *fixture,
        const char * const *terms)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GStrv ids = NULL;

  reply = call (fixture, "GetInitialResultSet", g_variant_new ("(^as)", terms), "(as)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

static void
activate_result_cb (NichiroSearchProvider *provider,
                    const char            *entry_id,
                    guint32                timestamp,
                    Fixture               *fixture)
{
  g_free (fixture->activated_id);
  fixture->activated_id = g_strdup (entry_id);
  fixture->activated_timestamp = timestamp;
  fixture->n_emissions++;
}

static void
launch_search_cb (NichiroSearchProvider *provider,
                  GStrv                  terms,
                  guint32                timestamp,
                  Fixture               *fixture)
{
  g_strfreev (fixture->launched_terms);
  fixture->launched_terms = g_strdupv (terms);
  fixture->launched_timestamp = timestamp;
  fixture->n_emissions++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 request;

  fixture->loop = g_main_loop_new (NULL, FALSE);
  fixture->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (fixture->bus);

  fixture->service = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (fixture->bus),
                                                             G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                             G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                             NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->shell = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (fixture->bus),
                                                           G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                           G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                           NULL, NULL, &error);
  g_assert_no_error (error);

  /* The name the .ini file tells the Shell to call, as GApplication owns it. */
  reply = g_dbus_connection_call_sync (fixture->service,
                                       "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", APPLICATION_ID, 0x4 /* DO_NOT_QUEUE */),
                                       G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &request);
  g_assert_cmpuint (request, ==, 1 /* PRIMARY_OWNER */);

  fixture->provider = nichiro_search_provider_new (NULL, dataset);
  g_signal_connect (fixture->provider, "activate-result", G_CALLBACK (activate_result_cb), fixture);
  g_signal_connect (fixture->provider, "launch-search", G_CALLBACK (launch_search_cb), fixture);
  g_assert_true (nichiro_search_provider_register (fixture->provider, fixture->service,
                                                   NICHIRO_SEARCH_PROVIDER_OBJECT_PATH, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  nichiro_search_provider_unregister (fixture->provider);
  g_assert_finalize_object (fixture->provider);

  g_dbus_connection_close_sync (fixture->shell, NULL, NULL);
  g_dbus_connection_close_sync (fixture->service, NULL, NULL);
  g_clear_object (&fixture->shell);
  g_clear_object (&fixture->service);
  g_test_dbus_down (fixture->bus);
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  g_clear_pointer (&fixture->activated_id, g_free);
  g_clear_pointer (&fixture->launched_terms, g_strfreev);
}

typedef struct
{
  const char *terms[4];
  const char *first;
} InitialCase;

static const InitialCase initial_cases[] = {
  { { "Portsmouth", NULL }, "portsmouth-1905" },
  { { "ポーツマス", NULL }, "portsmouth-1905" },
  { { "Портсмутский", NULL }, "portsmouth-1905" },
  /* The Shell splits what is typed at spaces; the words are one query. */
  { { "treaty", "of", "portsmouth" }, "portsmouth-1905" },
  { { "neutrality", "pact", NULL }, "neutrality-pact-1941" },
};

static void
test_initial_result_set (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (initial_cases); i++)
    {
      const InitialCase *test = &initial_cases[i];
      g_auto(GStrv) ids = search (fixture, test->terms);

      g_test_message ("terms: %s …", test->terms[0]);
      g_assert_cmpuint (g_strv_length (ids), >, 0);
      g_assert_cmpuint (g_strv_length (ids), <=, NICHIRO_SEARCH_PROVIDER_MAX_RESULTS);
      g_assert_cmpstr (ids[0], ==, test->first);
    }
}

static void
test_result_set_limits (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *broad[] = { "treaty", NULL };
  const char *nothing[] = { "zzzzqqq", NULL };
  const char *blank[] = { "", " ", NULL };
  const char *none[] = { NULL };
  g_auto(GStrv) broad_ids = search (fixture, broad);
  g_auto(GStrv) nothing_ids = search (fixture, nothing);
  g_auto(GStrv) blank_ids = search (fixture, blank);
  g_auto(GStrv) none_ids = search (fixture, none);

  /* The bundled dataset has far more than ten treaties. */
  g_assert_cmpuint (g_strv_length (broad_ids), ==, NICHIRO_SEARCH_PROVIDER_MAX_RESULTS);
  g_assert_cmpuint (g_strv_length (nothing_ids), ==, 0);
  g_assert_cmpuint (g_strv_length (blank_ids), ==, 0);
  g_assert_cmpuint (g_strv_length (none_ids), ==, 0);
}

static void
test_subsearch (Fixture       *fixture,
                gconstpointer  data)
{
  const char *first[] = { "ports", NULL };
  const char *more[] = { "portsmouth", "treaty", NULL };
  g_auto(GStrv) previous = search (fixture, first);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  reply = call (fixture, "GetSubsearchResultSet",
                g_variant_new ("(^as^as)", previous, more), "(as)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(^as)", &ids);
  g_assert_cmpuint (g_strv_length (ids), >, 0);
  g_assert_cmpstr (ids[0], ==, "portsmouth-1905");
}

static void
test_result_metas (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *ids[] = { "portsmouth-1905", "no-such-entry", "neutrality-pact-1941", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariant) second = NULL;
  g_autoptr(GIcon) icon = NULL;
  const char *id = NULL;
  const char *name = NULL;
  const char *description = NULL;
  const char *gicon = NULL;

  reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})", &error);
  g_assert_no_error (error);
  metas = g_variant_get_child_value (reply, 0);

  /* Unknown ids are left out; the others keep their order. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);

  first = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (first, "id", "&s", &id));
  g_assert_true (g_variant_lookup (first, "name", "&s", &name));
  g_assert_true (g_variant_lookup (first, "description", "&s", &description));
  g_assert_true (g_variant_lookup (first, "gicon", "&s", &gicon));
  g_assert_cmpstr (id, ==, "portsmouth-1905");
  g_assert_cmpstr (name, ==, "Treaty of Portsmouth");
  /* Its date and its kind. */
  g_assert_nonnull (strstr (description, "1905"));
  g_assert_nonnull (strstr (description, "Treaty"));
  /* The Shell reads "gicon" with g_icon_new_for_string (). */
  icon = g_icon_new_for_string (gicon, &error);
  g_assert_no_error (error);
  g_assert_true (G_IS_THEMED_ICON (icon));
  g_assert_cmpstr (g_themed_icon_get_names (G_THEMED_ICON (icon))[0], ==, APPLICATION_ID);

  second = g_variant_get_child_value (metas, 1);
  g_assert_true (g_variant_lookup (second, "id", "&s", &id));
  g_assert_true (g_variant_lookup (second, "name", "&s", &name));
  g_assert_cmpstr (id, ==, "neutrality-pact-1941");
  g_assert_nonnull (strstr (name, "Neutrality"));
}

/* The Shell shows titles in the language the reader chose for them. */
static void
test_result_metas_language (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *ids[] = { "portsmouth-1905", NULL };
  const char *expected[] = { "Treaty of Portsmouth", "ポーツマス条約", "Портсмутский мирный договор" };

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == NICHIRO_N_LANGUAGES);

  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GVariant) meta = NULL;
      g_autoptr(GVariant) first = NULL;
      g_autoptr(GError) error = NULL;
      const char *name = NULL;

      g_object_set (fixture->provider, "title-language", language, NULL);
      reply = call (fixture, "GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})", &error);
      g_assert_no_error (error);
      g_variant_get_child (reply, 0, "@aa{sv}", &meta);
      g_assert_cmpuint (g_variant_n_children (meta), ==, 1);
      first = g_variant_get_child_value (meta, 0);
      g_assert_true (g_variant_lookup (first, "name", "&s", &name));
      g_assert_cmpstr (name, ==, expected[language]);
    }
}

static void
test_activate_result (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *terms[] = { "Portsmouth", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call (fixture, "ActivateResult",
                g_variant_new ("(s^asu)", "portsmouth-1905", terms, 4242u), "()", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_emissions, ==, 1);
  g_assert_cmpstr (fixture->activated_id, ==, "portsmouth-1905");
  g_assert_cmpuint (fixture->activated_timestamp, ==, 4242);
  g_assert_null (fixture->launched_terms);
}

static void
test_launch_search (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *terms[] = { "ポーツマス", "kind:treaty", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = call (fixture, "LaunchSearch", g_variant_new ("(^asu)", terms, 77u), "()", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_emissions, ==, 1);
  g_assert_nonnull (fixture->launched_terms);
  g_assert_cmpstrv (fixture->launched_terms, terms);
  g_assert_cmpuint (fixture->launched_timestamp, ==, 77);
  g_assert_null (fixture->activated_id);
}

static void
test_unregister (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *terms[] = { "Portsmouth", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  nichiro_search_provider_unregister (fixture->provider);
  reply = call (fixture, "GetInitialResultSet", g_variant_new ("(^as)", terms), "(as)", &error);
  g_assert_null (reply);
  /* GLib 2.74 answers UnknownMethod; later versions UnknownObject. */
  g_assert_true (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
                 g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
                 g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE));
  g_clear_error (&error);

  /* And back again, as after the application re-registers. */
  g_assert_true (nichiro_search_provider_register (fixture->provider, fixture->service,
                                                   NICHIRO_SEARCH_PROVIDER_OBJECT_PATH, &error));
  g_assert_no_error (error);
  g_assert_false (nichiro_search_provider_register (fixture->provider, fixture->service,
                                                    NICHIRO_SEARCH_PROVIDER_OBJECT_PATH, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

/* The introspection data the Shell and d-feet see. */
static void
test_introspection (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  GDBusInterfaceInfo *info;
  const char *xml;
  static const char *methods[] = {
    "GetInitialResultSet", "GetSubsearchResultSet", "GetResultMetas", "ActivateResult", "LaunchSearch",
  };

  g_dbus_connection_call (fixture->shell, APPLICATION_ID, NICHIRO_SEARCH_PROVIDER_OBJECT_PATH,
                          "org.freedesktop.DBus.Introspectable", "Introspect",
                          NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, 10000, NULL,
                          call_done_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_no_error (fixture->error);
  reply = g_steal_pointer (&fixture->reply);
  g_variant_get (reply, "(&s)", &xml);

  node = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_lookup_interface (node, SHELL_INTERFACE);
  g_assert_nonnull (info);
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    g_assert_nonnull (g_dbus_interface_info_lookup_method (info, methods[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Never the developer's own session bus. */
  g_test_dbus_unset ();

  dataset = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/nichiro/search-provider/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("initial-result-set", test_initial_result_set);
  ADD ("result-set-limits", test_result_set_limits);
  ADD ("subsearch", test_subsearch);
  ADD ("result-metas", test_result_metas);
  ADD ("result-metas-language", test_result_metas_language);
  ADD ("activate-result", test_activate_result);
  ADD ("launch-search", test_launch_search);
  ADD ("unregister", test_unregister);
  ADD ("introspection", test_introspection);

#undef ADD

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
