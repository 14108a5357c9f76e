/* test-cli.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

/* Runs the built program as a person would, with no display at all, and
 * checks what it prints and how it exits. */

static const char *program;
static char *small_path;
static char *reference_path;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* A UTF-8 locale in which gettext reads LANGUAGE: from glibc 2.38 or so
 * it ignores LANGUAGE in C.UTF-8 as it always did in C, so a locale that
 * is neither comes first where the machine has one (the GNOME runtime
 * has en_US.UTF-8; a bare Debian has only C.UTF-8, where 2.36 reads it). */
static const char *
translating_locale (void)
{
  static const char *chosen = NULL;
  static const char * const candidates[] = { "en_US.UTF-8", "C.UTF-8" };

  if (chosen == NULL)
    {
      g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

      chosen = candidates[G_N_ELEMENTS (candidates) - 1];
      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        if (setlocale (LC_ALL, candidates[i]) != NULL)
          {
            chosen = candidates[i];
            break;
          }
      setlocale (LC_ALL, saved);
    }

  return chosen;
}

/* Runs the program speaking @language, in @locale (NULL: the one the
 * tests run in). */
static void
run_program_valist (Run        *run,
                    const char *language,
                    const char *locale,
                    const char *first_arg,
                    va_list     args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) program);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  if (!g_str_equal (language, "en"))
    {
      /* The catalogues of the build, and a locale gettext does not ignore. */
      g_subprocess_launcher_setenv (launcher, "NICHIRO_LOCALEDIR", g_getenv ("NICHIRO_LOCALEDIR"), TRUE);
      g_subprocess_launcher_setenv (launcher, "LANG", translating_locale (), TRUE);
      g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
      g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
    }
  if (locale != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "LC_ALL", locale, TRUE);
      g_subprocess_launcher_unsetenv (launcher, "LANG");
    }
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
run_program (Run        *run,
             const char *first_arg,
             ...)
{
  va_list args;

  va_start (args, first_arg);
  run_program_valist (run, "en", NULL, first_arg, args);
  va_end (args);
}

/* The same in another language the program speaks. */
static void
run_program_in (Run        *run,
                const char *language,
                const char *first_arg,
                ...)
{
  va_list args;

  va_start (args, first_arg);
  run_program_valist (run, language, NULL, first_arg, args);
  va_end (args);
}

/* The same, in English, in another locale. */
static void
run_program_in_locale (Run        *run,
                       const char *locale,
                       const char *first_arg,
                       ...)
{
  va_list args;

  va_start (args, first_arg);
  run_program_valist (run, "en", locale, first_arg, args);
  va_end (args);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
test_search_json_bundled (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;
  JsonObject *first;

  run_program (&run, "--search", "portsmouth", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  results = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (results), >=, 1);
  first = json_array_get_object_element (results, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Treaty of Portsmouth");
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "1905-09-05");
  g_assert_cmpstr (json_object_get_string_member (first, "date_old_style"), ==, "1905-08-23");
  g_assert_true (json_object_has_member (first, "score"));
}

static void
test_show_json (void)
{
  static const char *members[] = {
    "id", "kind", "title", "titles", "date", "date_old_style", "end_date", "in_force",
    "ended", "place", "parties", "signatories", "summary", "articles", "significance",
    "related", "threads", "part", "sources", "notes",
  };
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *entry;
  JsonObject *signatory;

  run_program (&run, "--data", small_path, "--show", "peace-1905", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  entry = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (entry, members[i]));
  g_assert_cmpstr (json_object_get_string_member (entry, "in_force"), ==, "1905-11-25");
  g_assert_true (json_object_get_null_member (entry, "ended"));
  signatory = json_array_get_object_element (json_object_get_array_member (entry, "signatories"), 0);
  g_assert_cmpstr (json_object_get_string_member (signatory, "name"), ==, "Komura Jutaro");
  g_assert_cmpstr (json_object_get_string_member (signatory, "side"), ==, "japan");
}

static void
test_show_text (void)
{
  g_auto(Run) run = { 0, };

  run_program (&run, "--data", small_path, "--show", "peace-1905", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Treaty of Portsmouth\n"));
  g_assert_nonnull (strstr (run.out, "5 September 1905 (23 August O.S.) — Meiji 38"));
  g_assert_nonnull (strstr (run.out, "Komura Jutaro (Japan, Foreign Minister)"));
}

/* In Japanese and Russian the names of states and people, the era and
 * the part follow the interface. */
static void
test_show_text_languages (void)
{
  g_auto(Run) ja = { 0, };
  g_auto(Run) ru = { 0, };

  run_program_in (&ja, "ja", "--data", small_path, "--show", "peace-1905", NULL);
  g_assert_cmpint (ja.status, ==, 0);
  g_assert_nonnull (strstr (ja.out, "明治38年"));
  g_assert_nonnull (strstr (ja.out, "小村寿太郎 (日本, Foreign Minister)"));
  g_assert_nonnull (strstr (ja.out, "日本, ロシア帝国"));

  run_program_in (&ru, "ru", "--data", small_path, "--show", "peace-1905", NULL);
  g_assert_cmpint (ru.status, ==, 0);
  g_assert_nonnull (strstr (ru.out, "— Мэйдзи 38"));
  g_assert_null (strstr (ru.out, "Meiji"));
  g_assert_nonnull (strstr (ru.out, "Комура Дзютаро (Япония, Foreign Minister)"));
  g_assert_nonnull (strstr (ru.out, "Япония, Российская империя"));
}

/* The bundled dataset's end of an instrument, and the era its Japanese
 * sources give it. */
static void
test_show_end_and_era (void)
{
  g_auto(Run) pact = { 0, };
  g_auto(Run) tsushima = { 0, };

  run_program (&pact, "--show", "neutrality-pact-1941", NULL);
  g_assert_cmpint (pact.status, ==, 0);
  g_assert_nonnull (strstr (pact.out, "End: Disputed — "));
  g_assert_nonnull (strstr (pact.out, "  Japan: 25 April 1946 — "));
  g_assert_null (strstr (pact.out, "Ended: "));

  run_program (&tsushima, "--show", "tsushima-incident-1861", NULL);
  g_assert_nonnull (strstr (tsushima.out, "13 March 1861 (1 March O.S.) — Bunkyū 1 to"));
}

static void
test_in_force_text (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) old_style = { 0, };

  run_program (&run, "--in-force", "1920-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "1905-09-05  portsmouth-1905"));
  g_assert_nonnull (strstr (run.out, "in force since 15 October 1905; disputed from 9 August 1945; stage: Ratifications exchanged"));
  g_assert_nonnull (strstr (run.out, "in force since 30 January 1902; until 17 August 1923 (Superseded); stage: In force"));
  g_assert_null (strstr (run.out, "agreement-1916"));

  /* 20 December 1919 in Russia's calendar is 2 January 1920. */
  run_program (&old_style, "--in-force", "1919-12-20 O.S.", NULL);
  g_assert_cmpint (old_style.status, ==, 0);
  g_assert_cmpstr (old_style.out, ==, run.out);
}

static void
test_territory_text (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) old_style = { 0, };

  run_program (&run, "--territory", "1910-01-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "On 1 January 1910:\n"));
  g_assert_nonnull (strstr (run.out, "southern-sakhalin   Southern Sakhalin (Karafuto) — Japan since 31 July 1905 "
                                     "(Japanese invasion of Sakhalin); by treaty since 15 October 1905 "
                                     "(Treaty of Portsmouth, Art. IX)\n"));
  g_assert_nonnull (strstr (run.out, "northern-sakhalin   Northern Sakhalin — Russia, by treaty, since 15 October 1905"));
  g_assert_nonnull (strstr (run.out, "fiftieth-parallel   line: 50th parallel (1905) (Treaty of Portsmouth, Art. IX)\n"));
  g_assert_null (strstr (run.out, "shimoda-line"));

  /* 19 December 1909 in Russia's calendar is 1 January 1910. */
  run_program (&old_style, "--territory", "1909-12-19 O.S.", NULL);
  g_assert_cmpint (old_style.status, ==, 0);
  g_assert_cmpstr (old_style.out, ==, run.out);
}

static void
test_territory_json (void)
{
  g_auto(Run) run = { 0, };
  g_auto(Run) before = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) before_root = NULL;
  JsonArray *areas;
  JsonObject *habomai = NULL;

  run_program (&run, "--territory", "1956-12-12", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "date"), ==, "1956-12-12");
  areas = json_object_get_array_member (json_node_get_object (root), "areas");
  g_assert_cmpuint (json_array_get_length (areas), ==, 8);
  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      JsonObject *area = json_array_get_object_element (areas, i);

      if (g_str_equal (json_object_get_string_member (area, "id"), "habomai"))
        habomai = area;
    }
  g_assert_nonnull (habomai);
  g_assert_cmpstr (json_object_get_string_member (habomai, "holder"), ==, "ussr");
  g_assert_cmpstr (json_object_get_string_member (habomai, "status"), ==, "promised");
  g_assert_cmpstr (json_object_get_string_member (habomai, "since"), ==, "1945-09-03");
  g_assert_cmpstr (json_object_get_string_member (habomai, "status_since"), ==, "1956-12-12");
  g_assert_cmpstr (json_object_get_string_member (habomai, "entry"), ==, "joint-declaration-1956");
  g_assert_cmpstr (json_object_get_string_member (habomai, "article"), ==, "9");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "lines")), ==, 0);

  /* Before the first treaty no area has a holder: nulls, not absences. */
  run_program (&before, "--territory", "1800-01-01", "--json", NULL);
  g_assert_cmpint (before.status, ==, 0);
  before_root = parse_json (before.out);
  areas = json_object_get_array_member (json_node_get_object (before_root), "areas");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (areas, 0), "holder"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (areas, 0), "since"));
}

/* Another dataset may have no frontier: nothing to show, said so. */
static void
test_territory_no_frontier (void)
{
  g_auto(Run) run = { 0, };

  run_program (&run, "--data", small_path, "--territory", "1905-10-15", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "The dataset has no frontier to show.\n");
}

static void
test_in_force_json (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;
  JsonObject *pact = NULL;

  run_program (&run, "--in-force", "1945-08-09", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  items = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), "neutrality-pact-1941"))
        pact = item;
    }
  g_assert_nonnull (pact);
  g_assert_cmpstr (json_object_get_string_member (pact, "force"), ==, "disputed");
  g_assert_cmpstr (json_object_get_string_member (pact, "since"), ==, "1941-04-25");
  g_assert_cmpstr (json_object_get_string_member (pact, "until"), ==, "1946-04-25");
  g_assert_cmpstr (json_object_get_string_member (pact, "stage"), ==, "notice");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (pact, "end"), "status"), ==, "disputed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (pact, "end"), "views")), ==, 2);
}

static void
test_list_json (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *entries;

  run_program (&run, "--data", small_path, "--list", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_json (run.out);
  entries = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (entries), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0), "id"),
                   ==, "shimoda-1855");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 2), "id"),
                   ==, "peace-1905");
}

static void
test_list_text (void)
{
  g_auto(Run) run = { 0, };
  g_auto(GStrv) lines = NULL;

  run_program (&run, "--data", small_path, "--list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "1855-02-07"));
}

static void
test_validate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nichiro-cli-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) broken = NULL;
  g_auto(Run) good_run = { 0, };
  g_auto(Run) bad_run = { 0, };

  run_program (&good_run, "--validate", small_path, NULL);
  g_assert_cmpint (good_run.status, ==, 0);
  g_assert_nonnull (strstr (good_run.out, "valid"));

  g_assert_true (g_file_get_contents (small_path, &contents, NULL, NULL));
  broken = g_string_new (contents);
  g_string_replace (broken, "\"date\": \"1855-02-07\"", "\"date\": \"1855-02-30\"", 1);
  g_assert_true (g_file_set_contents (bad, broken->str, -1, NULL));

  run_program (&bad_run, "--validate", bad, NULL);
  g_assert_cmpint (bad_run.status, ==, 2);
  g_assert_cmpstr (bad_run.out, ==, "");
  /* FILE:LINE:COLUMN: the date sits on line 66 of small.json, column 15. */
  expected = g_strdup_printf ("%s:66:15: $.entries[2].date: “1855-02-30” is not a real date", bad);
  g_assert_true (g_str_has_prefix (bad_run.err, expected));

  g_unlink (bad);
  g_rmdir (dir);
}

/* The scheduler replays the reference FSRS-6 log: state, step and due as
 * the reference has them, stability and difficulty within 1e-4. */
static void
test_replay_reviews (void)
{
  g_autofree char *reference = NULL;
  g_auto(GStrv) expected = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0, };
  guint n = 0;

  run_program (&run, "--replay-reviews", reference_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  g_assert_true (g_file_get_contents (reference_path, &reference, NULL, NULL));
  expected = g_strsplit (g_strchomp (reference), "\n", -1);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1400);
  g_assert_cmpuint (g_strv_length (expected), ==, 1401);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) got_node = parse_json (lines[i]);
      g_autoptr(JsonNode) want_node = parse_json (expected[i + 1]);
      JsonObject *got = json_node_get_object (got_node);
      JsonObject *want = json_node_get_object (want_node);

      g_assert_cmpint (json_object_get_int_member (got, "card"), ==, json_object_get_int_member (want, "card"));
      g_assert_cmpstr (json_object_get_string_member (got, "review"), ==,
                       json_object_get_string_member (want, "review"));
      g_assert_cmpstr (json_object_get_string_member (got, "state"), ==,
                       json_object_get_string_member (want, "state"));
      if (json_object_get_null_member (want, "step"))
        g_assert_true (json_object_get_null_member (got, "step"));
      else
        g_assert_cmpint (json_object_get_int_member (got, "step"), ==, json_object_get_int_member (want, "step"));
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (got, "stability"),
                                      json_object_get_double_member (want, "stability"), 1e-4);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (got, "difficulty"),
                                      json_object_get_double_member (want, "difficulty"), 1e-4);
      g_assert_cmpstr (json_object_get_string_member (got, "due"), ==, json_object_get_string_member (want, "due"));
      n++;
    }
  g_assert_cmpuint (n, ==, 1400);
}

static void
test_replay_reviews_bad (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nichiro-cli-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "log.jsonl", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(Run) run = { 0, };
  const char *text =
    "{\"header\": true, \"algorithm\": \"FSRS-6\"}\n"
    "{\"card\": 1, \"review\": \"2027-01-04T14:31:00Z\", \"rating\": 3}\n"
    "{\"card\": 1, \"review\": \"2027-01-04T14:41:00Z\", \"rating\": 7}\n"
    "{\"card\": 2, \"review\": \"tomorrow\", \"rating\": 3}\n";

  g_assert_true (g_file_set_contents (log, text, -1, NULL));
  run_program (&run, "--replay-reviews", log, NULL);
  g_assert_cmpint (run.status, ==, 2);
  /* Nothing is replayed from a file with a bad line. */
  g_assert_cmpstr (run.out, ==, "");
  first = g_strdup_printf ("%s:3: \"rating\" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)\n", log);
  second = g_strdup_printf ("%s:4: \"tomorrow\" is not a time", log);
  g_assert_true (g_str_has_prefix (run.err, first));
  g_assert_true (g_str_has_prefix (run.err + strlen (first), second));

  g_unlink (log);
  g_rmdir (dir);
}

typedef struct
{
  const char *name;
  const char *args[6];
  int status;
  const char *err;
} UsageCase;

static const UsageCase usage_cases[] = {
  { "nothing-found", { "--search", "zzzzqqq", NULL }, 1, "No entries match" },
  { "no-such-id", { "--show", "nope", NULL }, 1, "No entry has the id “nope”" },
  { "two-modes", { "--search", "x", "--list", NULL }, 2, "one of" },
  { "json-alone", { "--json", NULL }, 2, "--json goes with" },
  { "empty-search", { "--search", "  ", NULL }, 2, "needs something" },
  { "missing-data", { "--data", "/nonexistent/x.json", "--list", NULL }, 2, "/nonexistent/x.json: cannot read" },
  { "missing-validate", { "--validate", "/nonexistent/y.json", NULL }, 2, "/nonexistent/y.json" },
  { "unknown-option", { "--frobnicate", NULL }, 2, "Unknown option" },
  { "missing-argument", { "--search", NULL }, 2, "Missing argument for --search" },
  { "missing-argument-show", { "--list", "--show", NULL }, 2, "Missing argument for --show" },
  { "data-is-a-pipe", { "--data", "@FIFO@", "--list", NULL }, 2, "it is a named pipe, not a regular file" },
  { "data-is-a-device", { "--data", "/dev/zero", "--list", NULL }, 2, "it is a device, not a regular file" },
  { "validate-a-pipe", { "--validate", "@FIFO@", NULL }, 2, "it is a named pipe, not a regular file" },
    { "in-force-none", { "--in-force", "1700-01-01", NULL }, 1, "No instrument of the dataset was in force on 1 January 1700." },
  { "in-force-bad-day", { "--in-force", "1905-02-30", NULL }, 2, "--in-force: “1905-02-30” is not a real date: February 1905 has 28 days" },
  { "in-force-year", { "--in-force", "1920", NULL }, 2, "“1920” is not a single day" },
  { "in-force-words", { "--in-force", "yesterday", NULL }, 2, "is not a day; write it YYYY-MM-DD" },
  { "in-force-and-list", { "--in-force", "1920-01-01", "--list", NULL }, 2, "one of" },
  { "territory-bad-day", { "--territory", "1905-02-30", NULL }, 2,
    "--territory: “1905-02-30” is not a real date: February 1905 has 28 days" },
  { "territory-year", { "--territory", "1905", NULL }, 2, "--territory: “1905” is not a single day" },
  { "territory-words", { "--territory", "in 1905", "--json", NULL }, 2, "--territory: " },
  { "territory-and-in-force", { "--territory", "1905-10-15", "--in-force", "1905-10-15", NULL }, 2, "one of" },
  { "replay-and-list", { "--replay-reviews", "log.jsonl", "--list", NULL }, 2, "--replay-reviews takes no other option" },
  { "replay-json", { "--replay-reviews", "log.jsonl", "--json", NULL }, 2, "--replay-reviews takes no other option" },
  { "missing-replay", { "--replay-reviews", "/nonexistent/z.jsonl", NULL }, 2,
    "/nonexistent/z.jsonl: cannot read the review log" },
  { "replay-a-pipe", { "--replay-reviews", "@FIFO@", NULL }, 2, "it is a named pipe, not a regular file" },
  { "replay-a-device", { "--replay-reviews", "/dev/zero", NULL }, 2, "it is a device, not a regular file" },
};

static char *fifo_path;

static void
test_usage (gconstpointer data)
{
  const UsageCase *test = data;
  g_auto(Run) run = { 0, };
  const char *args[G_N_ELEMENTS (test->args)];

  /* A named pipe with no writer: reading it would never end. */
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    args[i] = g_strcmp0 (test->args[i], "@FIFO@") == 0 ? fifo_path : test->args[i];

  run_program (&run, args[0], args[1], args[2], args[3], args[4], NULL);
  g_assert_cmpint (run.status, ==, test->status);
  g_assert_nonnull (strstr (run.err, test->err));
}

/* Whatever the locale, the output is UTF-8 and the arguments are read as
 * the terminal wrote them: under LC_ALL=C, Japanese and Russian used to
 * print as "???", and a Japanese query failed. */
static void
test_c_locale (void)
{
  g_auto(Run) search = { 0, };
  g_auto(Run) show = { 0, };
  g_auto(Run) nothing = { 0, };

  run_program_in_locale (&search, "C", "--search", "ポーツマス", "--json", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_true (g_utf8_validate (search.out, -1, NULL));
  g_assert_nonnull (strstr (search.out, "\"ja\" : \"ポーツマス条約\""));
  g_assert_nonnull (strstr (search.out, "Портсмутский"));
  g_assert_null (strstr (search.out, "???"));

  run_program_in_locale (&show, "C", "--show", "portsmouth-1905", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "ポーツマス条約"));

  /* Messages on stderr, with the query quoted back, too. */
  run_program_in_locale (&nothing, "POSIX", "--search", "存在しない言葉", NULL);
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_nonnull (strstr (nothing.err, "“存在しない言葉”"));
}

/* The member names of @object, in the order the program printed them. */
static char *
dup_member_order (JsonParser *parser,
                  const char *json,
                  gboolean    first_of_array)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  JsonNode *root;
  JsonObject *object;
  GList *members;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  object = first_of_array ? json_array_get_object_element (json_node_get_array (root), 0)
                          : json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (order, "%s ", (const char *) l->data);
  g_list_free (members);

  return g_string_free (g_steal_pointer (&order), FALSE);
}

/* --search, --show and --list print an entry's members in one order, the
 * one HACKING.md documents; a search adds its score at the end. */
static void
test_json_member_order (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) search = { 0, };
  g_auto(Run) show = { 0, };
  g_auto(Run) list = { 0, };
  g_autofree char *show_order = NULL;
  g_autofree char *search_order = NULL;
  g_autofree char *list_order = NULL;
  g_autofree char *expected_search = NULL;

  run_program (&search, "--search", "portsmouth treaty", "--json", NULL);
  run_program (&show, "--show", "portsmouth-1905", "--json", NULL);
  run_program (&list, "--list", "--json", NULL);
  g_assert_cmpint (search.status, ==, 0);
  g_assert_cmpint (show.status, ==, 0);

  show_order = dup_member_order (parser, show.out, FALSE);
  search_order = dup_member_order (parser, search.out, TRUE);
  list_order = dup_member_order (parser, list.out, TRUE);
  g_assert_true (g_str_has_prefix (show_order, "id "));
  g_assert_cmpstr (list_order, ==, show_order);
  expected_search = g_strconcat (show_order, "score ", NULL);
  g_assert_cmpstr (search_order, ==, expected_search);
}

/* An id that is not one suggests the ids it is close to. */
static void
test_show_suggests (void)
{
  g_auto(Run) run = { 0, };

  run_program (&run, "--show", "portsmouth", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "portsmouth-1905"));

  run_clear (&run);
  memset (&run, 0, sizeof run);
  run_program (&run, "--show", "portsmuth-1905", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "portsmouth-1905"));
}

static void
test_help (void)
{
  g_auto(Run) run = { 0, };

  run_program (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--search"));
  g_assert_nonnull (strstr (run.out, "--validate"));
  g_assert_nonnull (strstr (run.out, "--in-force=DATE"));
  g_assert_nonnull (strstr (run.out, "--territory=DATE"));
  g_assert_nonnull (strstr (run.out, "1702"));
  g_assert_nonnull (strstr (run.out, "--replay-reviews"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fifo_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  program = g_getenv ("NICHIRO_PROGRAM");
  if (program == NULL)
    {
      g_printerr ("Set NICHIRO_PROGRAM to the built nichiro (meson test does).\n");
      return 1;
    }
  small_path = g_test_build_filename (G_TEST_DIST, "..", "data", "small.json", NULL);
  fifo_dir = g_dir_make_tmp ("nichiro-cli-XXXXXX", NULL);
  fifo_path = g_build_filename (fifo_dir, "pipe.json", NULL);
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  reference_path = g_test_build_filename (G_TEST_DIST, "..", "core", "study", "reference-fsrs6.jsonl", NULL);

  g_test_add_func ("/nichiro/cli/search-json-bundled", test_search_json_bundled);
  g_test_add_func ("/nichiro/cli/show-json", test_show_json);
  g_test_add_func ("/nichiro/cli/show-text", test_show_text);
  g_test_add_func ("/nichiro/cli/show-text-languages", test_show_text_languages);
  g_test_add_func ("/nichiro/cli/show-end-and-era", test_show_end_and_era);
  g_test_add_func ("/nichiro/cli/in-force-text", test_in_force_text);
  g_test_add_func ("/nichiro/cli/in-force-json", test_in_force_json);
  g_test_add_func ("/nichiro/cli/territory-text", test_territory_text);
  g_test_add_func ("/nichiro/cli/territory-json", test_territory_json);
  g_test_add_func ("/nichiro/cli/territory-no-frontier", test_territory_no_frontier);
  g_test_add_func ("/nichiro/cli/list-json", test_list_json);
  g_test_add_func ("/nichiro/cli/list-text", test_list_text);
  g_test_add_func ("/nichiro/cli/validate", test_validate);
  g_test_add_func ("/nichiro/cli/help", test_help);
  g_test_add_func ("/nichiro/cli/c-locale", test_c_locale);
  g_test_add_func ("/nichiro/cli/json-member-order", test_json_member_order);
  g_test_add_func ("/nichiro/cli/show-suggests", test_show_suggests);
  g_test_add_func ("/nichiro/cli/replay-reviews", test_replay_reviews);
  g_test_add_func ("/nichiro/cli/replay-reviews-bad", test_replay_reviews_bad);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/cli/usage/%s", usage_cases[i].name);

      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }

  status = g_test_run ();

  g_unlink (fifo_path);
  g_rmdir (fifo_dir);
  return status;
}
