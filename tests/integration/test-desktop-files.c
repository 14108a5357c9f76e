/* test-desktop-files.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The desktop integration files as built, read the way GNOME reads them:
 * each names the others by the application id, and a mismatch anywhere
 * means a launcher that does not start, a search provider the Shell never
 * calls, or a store page without its application. The validators
 * (desktop-file-validate, appstreamcli, glib-compile-schemas) run as
 * their own tests; this one checks what they cannot: that the files agree
 * with each other and with the program. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "nichiro-search-provider.h"

static const char *
require_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set; run this test through meson test", name);
  return value;
}

static GKeyFile *
load_key_file (const char *env_name)
{
  const char *path = require_env (env_name);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (key_file, path,
                             G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&key_file);
}

static char *
get_string (GKeyFile   *key_file,
            const char *group,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = g_key_file_get_string (key_file, group, key, &error);

  g_assert_no_error (error);
  return value;
}

static gboolean
strv_has (char       **strv,
          const char  *value)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, value);
}

static void
test_launcher (void)
{
  const char *path = require_env ("NICHIRO_DESKTOP_FILE");
  g_autoptr(GKeyFile) desktop = load_key_file ("NICHIRO_DESKTOP_FILE");
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *type = get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE);
  g_autofree char *name = get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME);
  g_autofree char *icon = get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON);
  g_autofree char *exec = get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC);
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) keywords = NULL;
  g_auto(GStrv) keywords_ja = NULL;
  g_auto(GStrv) keywords_ru = NULL;
  g_autoptr(GError) error = NULL;

  /* GApplication and the Shell find the launcher by the application id. */
  g_assert_cmpstr (basename, ==, APPLICATION_ID ".desktop");
  g_assert_cmpstr (type, ==, "Application");
  g_assert_cmpstr (name, ==, "Nichiro");
  g_assert_cmpstr (icon, ==, APPLICATION_ID);
  g_assert_true (g_str_has_prefix (exec, "nichiro"));
  g_assert_true (g_key_file_get_boolean (desktop, G_KEY_FILE_DESKTOP_GROUP, "DBusActivatable", &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_get_boolean (desktop, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_STARTUP_NOTIFY, &error));
  g_assert_no_error (error);

  categories = g_key_file_get_string_list (desktop, G_KEY_FILE_DESKTOP_GROUP,
                                           G_KEY_FILE_DESKTOP_KEY_CATEGORIES, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (strv_has (categories, "Education"));
  g_assert_true (strv_has (categories, "History"));

  /* A reader finds Nichiro from the Shell in any of its three scripts,
   * whatever language the desktop is in: the Japanese and Russian
   * keywords survive the merge with the translations. */
  keywords = g_key_file_get_string_list (desktop, G_KEY_FILE_DESKTOP_GROUP, "Keywords", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (strv_has (keywords, "Portsmouth"));
  g_assert_true (strv_has (keywords, "treaty"));
  keywords_ja = g_key_file_get_locale_string_list (desktop, G_KEY_FILE_DESKTOP_GROUP, "Keywords", "ja", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (strv_has (keywords_ja, "ポーツマス"));
  g_assert_true (strv_has (keywords_ja, "日露"));
  keywords_ru = g_key_file_get_locale_string_list (desktop, G_KEY_FILE_DESKTOP_GROUP, "Keywords", "ru", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (strv_has (keywords_ru, "Портсмут"));
  g_assert_true (strv_has (keywords_ru, "Сахалин"));
}

static void
test_dbus_service (void)
{
  const char *path = require_env ("NICHIRO_SERVICE_FILE");
  g_autoptr(GKeyFile) service = load_key_file ("NICHIRO_SERVICE_FILE");
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *name = get_string (service, "D-BUS Service", "Name");
  g_autofree char *exec = get_string (service, "D-BUS Service", "Exec");
  g_autofree char *expected_exec = g_build_filename (require_env ("NICHIRO_BINDIR"), "nichiro", NULL);

  /* DBusActivatable=true: the session bus starts Nichiro by this file,
   * which must be named after the bus name (and Flatpak exports it only
   * then). */
  g_assert_cmpstr (basename, ==, APPLICATION_ID ".service");
  g_assert_cmpstr (name, ==, APPLICATION_ID);
  g_assert_true (g_path_is_absolute (exec));
  g_assert_true (g_str_has_prefix (exec, expected_exec));
  g_assert_cmpstr (exec + strlen (expected_exec), ==, " --gapplication-service");
}

static void
test_search_provider (void)
{
  g_autoptr(GKeyFile) provider = load_key_file ("NICHIRO_SEARCH_PROVIDER_FILE");
  g_autofree char *desktop_basename = g_path_get_basename (require_env ("NICHIRO_DESKTOP_FILE"));
  g_autofree char *provider_basename = g_path_get_basename (require_env ("NICHIRO_SEARCH_PROVIDER_FILE"));
  g_autofree char *desktop_id = get_string (provider, "Shell Search Provider", "DesktopId");
  g_autofree char *bus_name = get_string (provider, "Shell Search Provider", "BusName");
  g_autofree char *object_path = get_string (provider, "Shell Search Provider", "ObjectPath");
  g_autoptr(GError) error = NULL;
  int version;

  g_assert_cmpstr (provider_basename, ==, APPLICATION_ID ".search-provider.ini");
  /* The Shell shows the provider under this launcher, and only if the
   * launcher exists. */
  g_assert_cmpstr (desktop_id, ==, desktop_basename);
  /* GApplication owns the application id on the session bus; the provider
   * is exported there, at the path the program uses. */
  g_assert_cmpstr (bus_name, ==, APPLICATION_ID);
  g_assert_cmpstr (object_path, ==, NICHIRO_SEARCH_PROVIDER_OBJECT_PATH);
  version = g_key_file_get_integer (provider, "Shell Search Provider", "Version", &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
}

static void
check_icon (const char *relative_path,
            const char *size)
{
  g_autofree char *path = g_build_filename (require_env ("NICHIRO_ICONS_DIR"), relative_path, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *width = g_strdup_printf ("width=\"%s\"", size);
  g_autofree char *height = g_strdup_printf ("height=\"%s\"", size);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, width));
  g_assert_nonnull (strstr (contents, height));
}

static void
test_icons (void)
{
  /* The launcher's Icon= and the search results' "gicon" both name the
   * application id; the theme finds these two files by it. */
  check_icon ("hicolor/scalable/apps/" APPLICATION_ID ".svg", "128");
  check_icon ("hicolor/symbolic/apps/" APPLICATION_ID "-symbolic.svg", "16");
}

/* What the metainfo test collects from the XML. */
typedef struct
{
  GString *path;          /* "component/provides/binary" */
  GString *text;
  char *id;
  char *launchable;
  char *binary;
  char *project_license;
  char *metadata_license;
  char *first_release;
  char *content_rating;
  char *developer_id;
  guint n_screenshots;
  GPtrArray *images;      /* of ScreenshotImage */
} Metainfo;

/* A screenshot's source image as the metainfo gives it. */
typedef struct
{
  char *url;
  int width;
  int height;
} ScreenshotImage;

static void
screenshot_image_free (ScreenshotImage *image)
{
  g_free (image->url);
  g_free (image);
}

static void
metainfo_start_cb (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  Metainfo *info = user_data;

  if (info->path->len > 0)
    g_string_append_c (info->path, '/');
  g_string_append (info->path, element);
  g_string_truncate (info->text, 0);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (info->path->str, "component/releases/release") &&
          g_str_equal (names[i], "version") && info->first_release == NULL)
        info->first_release = g_strdup (values[i]);
      else if (g_str_equal (info->path->str, "component/content_rating") &&
               g_str_equal (names[i], "type"))
        info->content_rating = g_strdup (values[i]);
      else if (g_str_equal (info->path->str, "component/developer") &&
               g_str_equal (names[i], "id"))
        info->developer_id = g_strdup (values[i]);
    }

  if (g_str_equal (info->path->str, "component/screenshots/screenshot"))
    info->n_screenshots++;

  if (g_str_equal (info->path->str, "component/screenshots/screenshot/image"))
    {
      ScreenshotImage *image = g_new0 (ScreenshotImage, 1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (g_str_equal (names[i], "width"))
            image->width = atoi (values[i]);
          else if (g_str_equal (names[i], "height"))
            image->height = atoi (values[i]);
        }
      g_ptr_array_add (info->images, image);
    }
}

static void
metainfo_end_cb (GMarkupParseContext  *context,
                 const char           *element,
                 gpointer              user_data,
                 GError              **error)
{
  Metainfo *info = user_data;
  const char *slash;
  char **target = NULL;

  if (g_str_equal (info->path->str, "component/id"))
    target = &info->id;
  else if (g_str_equal (info->path->str, "component/launchable"))
    target = &info->launchable;
  else if (g_str_equal (info->path->str, "component/provides/binary"))
    target = &info->binary;
  else if (g_str_equal (info->path->str, "component/project_license"))
    target = &info->project_license;
  else if (g_str_equal (info->path->str, "component/metadata_license"))
    target = &info->metadata_license;

  if (target != NULL && *target == NULL)
    *target = g_strstrip (g_strdup (info->text->str));

  if (g_str_equal (info->path->str, "component/screenshots/screenshot/image") && info->images->len > 0)
    {
      ScreenshotImage *image = g_ptr_array_index (info->images, info->images->len - 1);

      image->url = g_strstrip (g_strdup (info->text->str));
    }

  slash = strrchr (info->path->str, '/');
  g_string_truncate (info->path, slash != NULL ? (gsize) (slash - info->path->str) : 0);
}

static void
metainfo_text_cb (GMarkupParseContext  *context,
                  const char           *text,
                  gsize                 length,
                  gpointer              user_data,
                  GError              **error)
{
  Metainfo *info = user_data;

  g_string_append_len (info->text, text, length);
}

/* The size a PNG file says it is, from its IHDR chunk. */
static void
read_png_size (const char *path,
               int        *out_width,
               int        *out_height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const guchar *bytes;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 24);
  bytes = (const guchar *) contents;
  g_assert_cmpmem (bytes, sizeof signature, signature, sizeof signature);
  g_assert_cmpmem (bytes + 12, 4, "IHDR", 4);
  *out_width = (int) GUINT32_FROM_BE (*(const guint32 *) (bytes + 16));
  *out_height = (int) GUINT32_FROM_BE (*(const guint32 *) (bytes + 20));
}

static void
test_metainfo (void)
{
  static const GMarkupParser parser = {
    .start_element = metainfo_start_cb,
    .end_element = metainfo_end_cb,
    .text = metainfo_text_cb,
  };
  Metainfo info = { g_string_new (NULL), g_string_new (NULL), };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  info.images = g_ptr_array_new_with_free_func ((GDestroyNotify) screenshot_image_free);
  g_file_get_contents (require_env ("NICHIRO_METAINFO_FILE"), &contents, &length, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (info.id, ==, APPLICATION_ID);
  g_assert_cmpstr (info.launchable, ==, APPLICATION_ID ".desktop");
  g_assert_cmpstr (info.binary, ==, "nichiro");
  g_assert_cmpstr (info.project_license, ==, "GPL-3.0-or-later");
  g_assert_cmpstr (info.metadata_license, ==, "CC0-1.0");
  g_assert_cmpstr (info.content_rating, ==, "oars-1.1");
  g_assert_cmpstr (info.developer_id, ==, "io.github.nichiro");
  g_assert_cmpuint (info.n_screenshots, >=, 1);
  /* Each screenshot is one of ours, of the size the metainfo says:
   * software centres lay the page out before the image arrives. */
  g_assert_cmpuint (info.images->len, >=, info.n_screenshots);
  for (guint i = 0; i < info.images->len; i++)
    {
      ScreenshotImage *image = g_ptr_array_index (info.images, i);
      const char *name = strrchr (image->url, '/');
      g_autofree char *path = NULL;
      int width, height;

      g_assert_true (g_str_has_suffix (image->url, ".png"));
      g_assert_true (strstr (image->url, "/data/screenshots/") != NULL);
      path = g_build_filename (require_env ("NICHIRO_SCREENSHOTS_DIR"), name + 1, NULL);
      read_png_size (path, &width, &height);
      g_test_message ("%s: %dx%d in the metainfo, %dx%d in the file", name + 1,
                      image->width, image->height, width, height);
      g_assert_cmpint (image->width, ==, width);
      g_assert_cmpint (image->height, ==, height);
    }
  /* Software centres show the newest release as the version: it is the
   * one meson builds. A version bump must come with its release notes. */
  g_assert_cmpstr (info.first_release, ==, PACKAGE_VERSION);

  g_string_free (info.path, TRUE);
  g_string_free (info.text, TRUE);
  g_free (info.id);
  g_free (info.launchable);
  g_free (info.binary);
  g_free (info.project_license);
  g_free (info.metadata_license);
  g_free (info.first_release);
  g_free (info.content_rating);
  g_free (info.developer_id);
  g_ptr_array_unref (info.images);
}

typedef struct
{
  const char *name;
  const char *type;
  const char *default_value;   /* GVariant text */
} KeyCase;

static const KeyCase key_cases[] = {
  { "window-width", "i", NULL },
  { "window-height", "i", NULL },
  { "window-maximized", "b", "false" },
  { "sidebar-visible", "b", "true" },
  { "show-map", "b", "false" },
  { "last-entry", "s", "''" },
  { "timeline-start", "d", "0.0" },
  { "timeline-end", "d", "0.0" },
  { "timeline-share", "d", "0.0" },
  { "timeline-group-by", "s", "'none'" },
  { "timeline-hidden-kinds", "as", "@as []" },
  { "timeline-hidden-threads", "as", "@as []" },
  { "title-language", "s", "'follow'" },
  { "desired-retention", "d", "0.9" },
  { "self-test-cards", "s", "'all'" },
  { "self-test-parts", "as", "@as []" },
  { "recent-searches", "as", "@as []" },
  { "export-folder", "s", "''" },
  { "citation-style", "s", "'chicago'" },
};

static void
test_settings_schema (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) language = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  /* The compiled schema in the build tree, as the program reads it. */
  source = g_settings_schema_source_new_from_directory (require_env ("GSETTINGS_SCHEMA_DIR"),
                                                        NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/io/github/nichiro/Nichiro/");

  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (key_cases));

  for (guint i = 0; i < G_N_ELEMENTS (key_cases); i++)
    {
      const KeyCase *test = &key_cases[i];
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autoptr(GVariant) value = NULL;

      g_test_message ("key: %s", test->name);
      g_assert_true (g_settings_schema_has_key (schema, test->name));
      key = g_settings_schema_get_key (schema, test->name);
      g_assert_cmpstr (g_variant_type_peek_string (g_settings_schema_key_get_value_type (key)), ==, test->type);

      value = g_settings_schema_key_get_default_value (key);
      if (test->default_value != NULL)
        {
          g_autoptr(GVariant) expected = g_variant_parse (G_VARIANT_TYPE (test->type),
                                                          test->default_value, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_true (g_variant_equal (value, expected));
        }
      else
        {
          /* A first window that fits a 1366×768 laptop screen. */
          g_assert_cmpint (g_variant_get_int32 (value), >=, 360);
          g_assert_cmpint (g_variant_get_int32 (value), <=, 1366);
        }
    }

  /* The title language is one of four, and nothing else is accepted. */
  language = g_settings_schema_get_key (schema, "title-language");
  for (guint i = 0; i < 4; i++)
    {
      static const char *choices[] = { "follow", "en", "ja", "ru" };
      g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (choices[i]));

      g_assert_true (g_settings_schema_key_range_check (language, value));
    }
  {
    g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string ("fr"));

    g_assert_false (g_settings_schema_key_range_check (language, value));
  }

  /* The desired retention stays where FSRS is meant to work, 0.70 to
   * 0.97; the self-test's cards are one of three choices. */
  {
    g_autoptr(GSettingsSchemaKey) retention = g_settings_schema_get_key (schema, "desired-retention");
    g_autoptr(GSettingsSchemaKey) cards = g_settings_schema_get_key (schema, "self-test-cards");
    static const struct { double value; gboolean ok; } retentions[] = {
      { 0.70, TRUE }, { 0.90, TRUE }, { 0.97, TRUE }, { 0.69, FALSE }, { 0.98, FALSE }, { 1.0, FALSE },
    };
    static const struct { const char *value; gboolean ok; } choices[] = {
      { "all", TRUE }, { "parts", TRUE }, { "studied", TRUE }, { "some", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
      {
        g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_double (retentions[i].value));

        g_assert_cmpint (g_settings_schema_key_range_check (retention, value), ==, retentions[i].ok);
      }
    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      {
        g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (choices[i].value));

        g_assert_cmpint (g_settings_schema_key_range_check (cards, value), ==, choices[i].ok);
      }
  }
}

/* A GSettings round trip on the memory backend, through the enum as the
 * application would bind it. */
static void
test_settings_values (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;

  source = g_settings_schema_source_new_from_directory (require_env ("GSETTINGS_SCHEMA_DIR"),
                                                        NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, FALSE);
  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, backend, NULL);

  g_assert_cmpint (g_settings_get_enum (settings, "title-language"), ==, 0);
  g_assert_true (g_settings_set_enum (settings, "title-language", 2));
  language = g_settings_get_string (settings, "title-language");
  g_assert_cmpstr (language, ==, "ja");

  g_assert_true (g_settings_set_string (settings, "last-entry", "portsmouth-1905"));
  g_assert_true (g_settings_set_double (settings, "timeline-start", 2416331.5));
  g_assert_cmpfloat (g_settings_get_double (settings, "timeline-start"), ==, 2416331.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/desktop/launcher", test_launcher);
  g_test_add_func ("/nichiro/desktop/dbus-service", test_dbus_service);
  g_test_add_func ("/nichiro/desktop/search-provider", test_search_provider);
  g_test_add_func ("/nichiro/desktop/icons", test_icons);
  g_test_add_func ("/nichiro/desktop/metainfo", test_metainfo);
  g_test_add_func ("/nichiro/settings/schema", test_settings_schema);
  g_test_add_func ("/nichiro/settings/values", test_settings_values);

  return g_test_run ();
}
