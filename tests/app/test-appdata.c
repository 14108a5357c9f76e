/* test-appdata.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-appdata.h"

/* The About window says what the AppStream metainfo says: the metainfo as
 * built (merged with the catalogues) is read in English and in Japanese,
 * and small documents pin down the choice of translation, the markup of
 * the release notes and what happens to documents that are not metainfo. */

static const char * const english[] = { "C", NULL };
static const char * const japanese[] = { "ja_JP.UTF-8", "ja_JP", "ja.UTF-8", "ja", "C.UTF-8", "C", NULL };

static char *
read_built_metainfo (gsize *length)
{
  const char *path = g_getenv ("NICHIRO_METAINFO_FILE");
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (path == NULL)
    g_error ("NICHIRO_METAINFO_FILE is not set; run this test through meson test");

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);

  return text;
}

static NichiroAppdata *
parse (const char         *text,
       const char * const *languages)
{
  g_autoptr(GError) error = NULL;
  NichiroAppdata *appdata;

  appdata = nichiro_appdata_new_from_data (text, -1, "test.metainfo.xml", languages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (appdata);

  return appdata;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_built_metainfo (void)
{
  g_autofree char *text = NULL;
  g_autoptr(NichiroAppdata) appdata = NULL;
  const char *notes;
  gsize length;

  text = read_built_metainfo (&length);
  appdata = nichiro_appdata_new_from_data (text, length, "metainfo", english, NULL);
  g_assert_nonnull (appdata);

  g_assert_cmpstr (nichiro_appdata_get_id (appdata), ==, APPLICATION_ID);
  g_assert_cmpstr (nichiro_appdata_get_name (appdata), ==, "Nichiro");
  g_assert_cmpstr (nichiro_appdata_get_summary (appdata), ==, "Study Japan–Russia diplomatic relations, 1855–1956");
  g_assert_cmpstr (nichiro_appdata_get_developer_name (appdata), ==, "The Nichiro authors");
  g_assert_cmpstr (nichiro_appdata_get_project_license (appdata), ==, "GPL-3.0-or-later");
  g_assert_cmpstr (nichiro_appdata_get_homepage (appdata), ==, "https://github.com/nichiro/nichiro");
  g_assert_cmpstr (nichiro_appdata_get_bugtracker (appdata), ==, "https://github.com/nichiro/nichiro/issues");

  /* The newest release is the program's own version. */
  g_assert_cmpstr (nichiro_appdata_get_release_version (appdata), ==, PACKAGE_VERSION);

  notes = nichiro_appdata_get_release_notes (appdata);
  g_assert_nonnull (notes);
  g_assert_true (g_str_has_prefix (notes, "<p>The first release.</p><ul><li>The bundled dataset: "
                                          "Japan–Russia relations from 1855 to 1956, in three scripts</li>"));
  g_assert_true (g_str_has_suffix (notes, "</li></ul>"));
  g_assert_cmpuint (count (notes, "<li>"), ==, 3);
  /* Only the English text, none of the translations beside it. */
  g_assert_null (strstr (notes, "最初"));
  g_assert_null (strstr (notes, "Первый"));
}

/* The translations merged into the metainfo are the ones the reader
 * takes; which words they use is the catalogues' business. */
static void
test_built_metainfo_translated (void)
{
  g_autofree char *text = NULL;
  g_autoptr(NichiroAppdata) en = NULL;
  g_autoptr(NichiroAppdata) ja = NULL;
  gsize length;

  text = read_built_metainfo (&length);
  en = nichiro_appdata_new_from_data (text, length, "metainfo", english, NULL);
  ja = nichiro_appdata_new_from_data (text, length, "metainfo", japanese, NULL);
  g_assert_nonnull (en);
  g_assert_nonnull (ja);

  g_assert_cmpstr (nichiro_appdata_get_name (ja), ==, "Nichiro");
  g_assert_cmpstr (nichiro_appdata_get_summary (ja), !=, nichiro_appdata_get_summary (en));
  g_assert_cmpstr (nichiro_appdata_get_developer_name (ja), ==, "The Nichiro authors");
  g_assert_cmpstr (nichiro_appdata_get_release_version (ja), ==, PACKAGE_VERSION);

  /* The same paragraphs and items, each in Japanese. */
  g_assert_null (strstr (nichiro_appdata_get_release_notes (ja), "The first release."));
  g_assert_null (strstr (nichiro_appdata_get_release_notes (ja), "The bundled dataset"));
  g_assert_cmpuint (count (nichiro_appdata_get_release_notes (ja), "<p>"), ==,
                    count (nichiro_appdata_get_release_notes (en), "<p>"));
  g_assert_cmpuint (count (nichiro_appdata_get_release_notes (ja), "<li>"), ==,
                    count (nichiro_appdata_get_release_notes (en), "<li>"));
}

static const char translated_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <id>org.example.Test</id>\n"
  "  <name>Test</name>\n"
  "  <name xml:lang=\"ru\">Тест</name>\n"
  "  <name xml:lang=\"ja\">テスト</name>\n"
  "  <summary>Tests things</summary>\n"
  "  <summary xml:lang=\"ja\">テストします</summary>\n"
  "  <releases>\n"
  "    <release version=\"2.0\">\n"
  "      <description>\n"
  "        <p>First</p>\n"
  "        <p xml:lang=\"ru\">Первый</p>\n"
  "        <p xml:lang=\"ja\">最初</p>\n"
  "        <ul>\n"
  "          <li>One</li>\n"
  "          <li xml:lang=\"ja\">一</li>\n"
  "          <li>Two</li>\n"
  "          <li xml:lang=\"ru\">Два</li>\n"
  "        </ul>\n"
  "        <p>Last</p>\n"
  "      </description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

typedef struct
{
  const char *languages[5];   /* NULL-terminated */
  const char *name;
  const char *summary;
  const char *notes;
} LanguageCase;

static const LanguageCase language_cases[] = {
  { { "C" }, "Test", "Tests things",
    "<p>First</p><ul><li>One</li><li>Two</li></ul><p>Last</p>" },
  { { "ja", "C" }, "テスト", "テストします",
    "<p>最初</p><ul><li>一</li><li>Two</li></ul><p>Last</p>" },
  { { "ru_RU.UTF-8", "ru_RU", "ru", "C" }, "Тест", "Tests things",
    "<p>Первый</p><ul><li>One</li><li>Два</li></ul><p>Last</p>" },
  /* The first language of the list that has a translation wins... */
  { { "de", "ru", "ja", "C" }, "Тест", "テストします",
    "<p>Первый</p><ul><li>一</li><li>Два</li></ul><p>Last</p>" },
  /* ...and a language with none falls back to the untranslated text, with
   * or without "C" in the list. */
  { { "fr_FR", "fr", "C" }, "Test", "Tests things",
    "<p>First</p><ul><li>One</li><li>Two</li></ul><p>Last</p>" },
  { { "fr" }, "Test", "Tests things",
    "<p>First</p><ul><li>One</li><li>Two</li></ul><p>Last</p>" },
  /* "C" before a language means untranslated is preferred. */
  { { "C", "ja" }, "Test", "Tests things",
    "<p>First</p><ul><li>One</li><li>Two</li></ul><p>Last</p>" },
};

static void
test_languages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_cases); i++)
    {
      const LanguageCase *c = &language_cases[i];
      g_autoptr(NichiroAppdata) appdata = parse (translated_document, c->languages);

      g_test_message ("language case %u", i);
      g_assert_cmpstr (nichiro_appdata_get_id (appdata), ==, "org.example.Test");
      g_assert_cmpstr (nichiro_appdata_get_name (appdata), ==, c->name);
      g_assert_cmpstr (nichiro_appdata_get_summary (appdata), ==, c->summary);
      g_assert_cmpstr (nichiro_appdata_get_release_version (appdata), ==, "2.0");
      g_assert_cmpstr (nichiro_appdata_get_release_notes (appdata), ==, c->notes);
    }
}

/* Without a list the reader follows the user's languages; the test runs in
 * whatever language it is given, so only the shape is checked. */
static void
test_default_languages (void)
{
  g_autoptr(NichiroAppdata) appdata = parse (translated_document, NULL);

  g_assert_nonnull (nichiro_appdata_get_name (appdata));
  g_assert_cmpuint (count (nichiro_appdata_get_release_notes (appdata), "<li>"), ==, 2);
}

typedef struct
{
  const char *description;
  const char *notes;
} MarkupCase;

static const MarkupCase markup_cases[] = {
  /* Text is escaped: the about window parses the notes as markup. */
  { "<p>a &lt; b &amp; c &gt; d</p>", "<p>a &lt; b &amp; c &gt; d</p>" },
  { "<p>&quot;quoted&quot; &apos;single&apos;</p>", "<p>&quot;quoted&quot; &apos;single&apos;</p>" },
  /* White space collapses, around inline elements too. */
  { "<p>\n    Two\n    lines   </p>", "<p>Two lines</p>" },
  { "<p>Use <code>x &lt; 1</code> or <em>never</em>.</p>", "<p>Use <code>x &lt; 1</code> or <em>never</em>.</p>" },
  { "<p> <em>Lead</em> and <em>trail </em> </p>", "<p><em>Lead</em> and <em>trail</em></p>" },
  { "<ol><li>One</li><li>Two</li></ol>", "<ol><li>One</li><li>Two</li></ol>" },
  /* What the about window cannot show goes; its text stays. */
  { "<p>A <b>bold</b> word</p>", "<p>A bold word</p>" },
  { "<p>Text</p>stray text<foo>ignored</foo>", "<p>Text</p>" },
  { "<ul><li>Item <ul><li>nested</li></ul></li></ul>", "<ul><li>Item nested</li></ul>" },
  /* Attributes are dropped: the about window refuses them. */
  { "<p translate=\"no\">Kept</p>", "<p>Kept</p>" },
  /* Empty blocks and lists leave nothing. */
  { "<p>  </p><ul></ul><p>Only</p>", "<p>Only</p>" },
  { "<p/>", NULL },
};

static void
test_markup (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (markup_cases); i++)
    {
      const MarkupCase *c = &markup_cases[i];
      g_autofree char *text = NULL;
      g_autoptr(NichiroAppdata) appdata = NULL;

      text = g_strdup_printf ("<component><name>A &amp; B</name><releases><release version=\"1\">"
                              "<description>%s</description></release></releases></component>",
                              c->description);
      g_test_message ("markup case %u", i);
      appdata = parse (text, english);

      /* Plain fields are text, not markup. */
      g_assert_cmpstr (nichiro_appdata_get_name (appdata), ==, "A & B");
      g_assert_cmpstr (nichiro_appdata_get_release_notes (appdata), ==, c->notes);
    }
}

static void
test_releases (void)
{
  g_autoptr(NichiroAppdata) none = NULL;
  g_autoptr(NichiroAppdata) bare = NULL;
  g_autoptr(NichiroAppdata) several = NULL;
  g_autoptr(NichiroAppdata) legacy = NULL;

  /* No <releases>: no version and no notes; the rest is still read. */
  none = parse ("<component><id>a.b.C</id><name>C</name><developer><name>Us</name></developer>"
                "<url type=\"homepage\">https://example.org</url></component>", english);
  g_assert_cmpstr (nichiro_appdata_get_name (none), ==, "C");
  g_assert_cmpstr (nichiro_appdata_get_developer_name (none), ==, "Us");
  g_assert_cmpstr (nichiro_appdata_get_homepage (none), ==, "https://example.org");
  g_assert_null (nichiro_appdata_get_release_version (none));
  g_assert_null (nichiro_appdata_get_release_notes (none));
  g_assert_null (nichiro_appdata_get_summary (none));
  g_assert_null (nichiro_appdata_get_project_license (none));
  g_assert_null (nichiro_appdata_get_bugtracker (none));

  /* A release without a description. */
  bare = parse ("<component><releases><release version=\"3\"/></releases></component>", english);
  g_assert_cmpstr (nichiro_appdata_get_release_version (bare), ==, "3");
  g_assert_null (nichiro_appdata_get_release_notes (bare));

  /* AppStream lists the newest first; older ones are not read. */
  several = parse ("<component><releases>"
                   "<release version=\"2\"><description><p>New</p></description></release>"
                   "<release version=\"1\"><description><p>Old</p></description></release>"
                   "</releases><description><p>About the program</p></description></component>", english);
  g_assert_cmpstr (nichiro_appdata_get_release_version (several), ==, "2");
  g_assert_cmpstr (nichiro_appdata_get_release_notes (several), ==, "<p>New</p>");

  /* Urls and names elsewhere are not the component's. */
  legacy = parse ("<component><developer_name>Old style</developer_name>"
                  "<releases><release version=\"1\"><url type=\"homepage\">https://wrong</url></release></releases>"
                  "<provides><name>not it</name></provides></component>", english);
  g_assert_cmpstr (nichiro_appdata_get_developer_name (legacy), ==, "Old style");
  g_assert_null (nichiro_appdata_get_homepage (legacy));
  g_assert_null (nichiro_appdata_get_name (legacy));
}

/* Every prefix of the real metainfo is an error, never a crash. */
static void
test_truncated (void)
{
  g_autofree char *text = NULL;
  const char *end;
  gsize length;

  text = read_built_metainfo (&length);
  end = strstr (text, "</component>");
  g_assert_nonnull (end);

  for (gsize cut = 0; cut < (gsize) (end - text) + strlen ("</component>"); cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NichiroAppdata) appdata = NULL;

      appdata = nichiro_appdata_new_from_data (text, cut, "cut.xml", english, &error);
      g_assert_null (appdata);
      g_assert_nonnull (error);
      g_assert_cmpuint (error->domain, ==, G_MARKUP_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "cut.xml: "));
    }
}

typedef struct
{
  const char *text;
  GMarkupError code;
} BadCase;

static const BadCase bad_cases[] = {
  { "", G_MARKUP_ERROR_EMPTY },
  { "   \n", G_MARKUP_ERROR_EMPTY },
  { "<?xml version=\"1.0\"?><!-- only a comment -->", G_MARKUP_ERROR_EMPTY },
  { "not xml at all", G_MARKUP_ERROR_PARSE },
  { "<html><body/></html>", G_MARKUP_ERROR_INVALID_CONTENT },
  { "<component><name>x</summary></component>", G_MARKUP_ERROR_PARSE },
  { "<component><name>&nbsp;</name></component>", G_MARKUP_ERROR_PARSE },
  { "<component><name>\xff\xfe</name></component>", G_MARKUP_ERROR_BAD_UTF8 },
  { "<component><name a=b>x</name></component>", G_MARKUP_ERROR_PARSE },
};

static void
test_bad_documents (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NichiroAppdata) appdata = NULL;

      g_test_message ("bad document %u", i);
      appdata = nichiro_appdata_new_from_data (bad_cases[i].text, -1, "bad.xml", english, &error);
      g_assert_null (appdata);
      g_assert_error (error, G_MARKUP_ERROR, (int) bad_cases[i].code);
      /* The message names the file, and the place in it. */
      g_assert_true (g_str_has_prefix (error->message, "bad.xml: "));
    }
}

static void
test_missing_resource (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroAppdata) appdata = NULL;

  appdata = nichiro_appdata_new_from_resource ("/io/github/nichiro/Nichiro/no-such.xml", english, &error);
  g_assert_null (appdata);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such.xml"));
}

static void
test_finalize (void)
{
  NichiroAppdata *appdata = parse (translated_document, english);

  g_assert_finalize_object (appdata);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/about/appdata/built-metainfo", test_built_metainfo);
  g_test_add_func ("/nichiro/about/appdata/built-metainfo-translated", test_built_metainfo_translated);
  g_test_add_func ("/nichiro/about/appdata/languages", test_languages);
  g_test_add_func ("/nichiro/about/appdata/default-languages", test_default_languages);
  g_test_add_func ("/nichiro/about/appdata/markup", test_markup);
  g_test_add_func ("/nichiro/about/appdata/releases", test_releases);
  g_test_add_func ("/nichiro/about/appdata/truncated", test_truncated);
  g_test_add_func ("/nichiro/about/appdata/bad-documents", test_bad_documents);
  g_test_add_func ("/nichiro/about/appdata/missing-resource", test_missing_resource);
  g_test_add_func ("/nichiro/about/appdata/finalize", test_finalize);

  return g_test_run ();
}
