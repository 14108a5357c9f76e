/* test-window-language.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "nichiro-test-ui.h"
#include "nichiro-window.h"

/* The window in the language meson gives the test in LANGUAGE (en, ja or
 * ru), with the build's catalogues: the data the dataset translates is
 * shown in that language, and the sidebar keeps its width. */

static NichiroDataset *dataset;

typedef struct
{
  const char *language;
  const char *parties;
  const char *signatories;
  const char *part;
  const char *month;
  const char *day;
} Expected;

static const Expected expected[] = {
  { "en", "Japan, Russian Empire", "Komura Jutaro, Foreign Minister (Japan)\nSergei Witte (Russian Empire)",
    "2. Part two", "Jun 1955", "5 Sep 1905" },
  { "ja", "日本、ロシア帝国", "小村寿太郎, Foreign Minister (日本)\nセルゲイ・ウィッテ (ロシア帝国)",
    "2. 第二部", "1955年6月", "1905年9月5日" },
  { "ru", "Япония, Российская империя",
    "Комура Дзютаро, Foreign Minister (Япония)\nСергей Витте (Российская империя)", "2. Часть вторая",
    "Июнь 1955", "5 сент. 1905" },
};

static const Expected *
expected_for_test (void)
{
  const char *language = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_strcmp0 (language, expected[i].language) == 0)
      return &expected[i];

  g_error ("LANGUAGE is “%s”; run this test through meson test", language ? language : "");
  return NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static NichiroWindow *
open_window (NichiroSession *session)
{
  NichiroWindow *window = nichiro_window_new (NULL, session);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  nichiro_test_wait_for (GTK_WIDGET (window), is_mapped, window);
  return window;
}

/* Parties, signatories and the chapter part in the interface's language;
 * the office is English in the dataset and stays so. */
static void
test_detail_names (void)
{
  const Expected *test = expected_for_test ();
  g_autoptr(NichiroSession) session = nichiro_session_new (dataset, NULL);
  NichiroWindow *window = open_window (session);

  g_assert_true (nichiro_session_select_id (session, "peace-1905"));
  nichiro_test_wait_for_label (GTK_WIDGET (window), test->parties);
  nichiro_test_wait_for_label (GTK_WIDGET (window), test->signatories);
  nichiro_test_wait_for_label (GTK_WIDGET (window), test->part);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Short dates, as the lists give them: a month alone stands in the
 * nominative in Russian ("Июнь 1955", not "июня 1955"), a day's month is
 * declined and abbreviated. */
static void
test_short_dates (void)
{
  const Expected *test = expected_for_test ();
  NichiroDate month = nichiro_date_make (1955, 6, 0);
  NichiroDate day = nichiro_date_make (1905, 9, 5);
  g_autofree char *month_text = nichiro_date_format_short (&month);
  g_autofree char *day_text = nichiro_date_format_short (&day);

  g_assert_cmpstr (month_text, ==, test->month);
  g_assert_cmpstr (day_text, ==, test->day);
}

static gboolean
has_width (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "nichiro-sidebar");
}

static int
sidebar_width (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (dataset, NULL);
  NichiroWindow *window = open_window (session);
  GtkWidget *sidebar = nichiro_test_find_matching (GTK_WIDGET (window), is_sidebar, NULL);
  int width;

  g_assert_nonnull (sidebar);
  nichiro_test_wait_for (GTK_WIDGET (window), has_width, sidebar);
  width = gtk_widget_get_width (sidebar);
  gtk_window_destroy (GTK_WINDOW (window));

  return width;
}

/* The sidebar is as wide in this language as in English, within a tenth:
 * the view switcher's labels do not widen it. */
static void
test_sidebar_width (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  int width, english_width;

  width = sidebar_width ();

  /* The same window again in English: gettext reads LANGUAGE on each
   * call once textdomain() says the catalogues changed. */
  g_setenv ("LANGUAGE", "en", TRUE);
  textdomain (GETTEXT_PACKAGE);
  english_width = sidebar_width ();
  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (GETTEXT_PACKAGE);

  g_test_message ("sidebar: %d px, %d px in English", width, english_width);
  g_assert_cmpint (english_width, >, 0);
  g_assert_cmpint (ABS (width - english_width) * 10, <=, english_width);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("NICHIRO_LOCALEDIR");
  int status;

  g_test_init (&argc, &argv, NULL);

  /* As main.c does, with the catalogues of the build folder. gettext
   * ignores LANGUAGE in the C locale, so that one becomes C.UTF-8. */
  if (localedir == NULL)
    g_error ("NICHIRO_LOCALEDIR is not set; run this test through meson test");
  setlocale (LC_ALL, "");
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0 ||
      g_strcmp0 (setlocale (LC_MESSAGES, NULL), "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_disable_setlocale ();

  if (!nichiro_test_init_display ())
    return 1;

  dataset = nichiro_test_load_dataset ("small.json");

  g_test_add_func ("/nichiro/window-language/detail-names", test_detail_names);
  g_test_add_func ("/nichiro/window-language/sidebar-width", test_sidebar_width);
  g_test_add_func ("/nichiro/window-language/short-dates", test_short_dates);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
