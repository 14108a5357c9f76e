/* test-self-test-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nichiro-review-chart.h"
#include "nichiro-review-session.h"
#include "nichiro-self-test-button.h"
#include "nichiro-self-test-page.h"
#include "nichiro-test-ui.h"
#include "nichiro-ui-utils.h"
#include "nichiro-window.h"

/* The self-test in the real window on the test's private display, driven
 * by the keyboard alone: Ctrl+T, Enter to start, Space for the answer, 1
 * to 4 to grade, O to read the entry, Escape to go back. A key goes where
 * GTK would send it, from the widget that has the focus up through its
 * ancestors' shortcuts, so a test passes only if the focus is where a
 * person's keys would reach the self-test (and not the search entry,
 * which takes whatever no one else does). What a screen reader is given
 * (names, the live status) is read through GTK's test accessibility
 * backend. On tests/data/small.json (seven cards), at a fixed time, UTC. */

/* 2027-01-04T09:00:00Z */
#define MONDAY (G_GINT64_CONSTANT (1799053200) * G_USEC_PER_SEC)

static NichiroDataset *small;

typedef struct
{
  char *dir;
  NichiroStudyStore *store;
  NichiroSession *session;
  NichiroWindow *window;
  gint64 now;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
settle (void)
{
  for (guint i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_prepared (gpointer data)
{
  return nichiro_self_test_is_prepared (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GSettings) settings = nichiro_lookup_settings ();
  g_autofree char *path = NULL;
  NichiroSelfTest *self_test;

  /* The settings live in memory for the whole program: each test starts
   * from their defaults. */
  g_assert_nonnull (settings);
  g_settings_reset (settings, "desired-retention");
  g_settings_reset (settings, "self-test-cards");
  g_settings_reset (settings, "self-test-parts");

  fixture->dir = nichiro_test_make_temp_dir ();
  path = g_build_filename (fixture->dir, "study.json", NULL);
  fixture->store = nichiro_study_store_new (path);
  fixture->session = nichiro_session_new (small, fixture->store);
  fixture->now = MONDAY;

  self_test = nichiro_session_get_self_test (fixture->session);
  nichiro_self_test_set_clock (self_test, fixture_clock, fixture);
  nichiro_self_test_set_time_zone (self_test, utc);

  fixture->window = nichiro_window_new (NULL, fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* The count comes after the first frame, never for it. */
  g_assert_false (nichiro_self_test_is_prepared (self_test));
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), is_prepared, self_test);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  settle ();
  g_clear_object (&fixture->session);
  g_assert_true (nichiro_study_store_flush (fixture->store, NULL));
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  nichiro_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Keys */

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0;
}

/* Offers @keyval to @widget's shortcuts of @phase; TRUE if one took it. */
static gboolean
offer_key (GtkWidget           *widget,
           GtkPropagationPhase  phase,
           guint                keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_LOCAL ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != phase)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Presses an unmodified key as GTK delivers it to shortcuts: down from
 * the window to the widget with the focus (capture), then up again
 * (bubble). Asserts that the focus is inside @expected_ancestor, where the
 * key must be handled. */
static void
press_key (Fixture   *fixture,
           guint      keyval,
           GtkWidget *expected_ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_autoptr(GPtrArray) path = NULL;

  g_assert_nonnull (focus);
  if (!gtk_widget_is_ancestor (focus, expected_ancestor) && focus != expected_ancestor)
    g_error ("%s has the focus, outside %s: key %s would go elsewhere",
             G_OBJECT_TYPE_NAME (focus), G_OBJECT_TYPE_NAME (expected_ancestor), gdk_keyval_name (keyval));

  path = g_ptr_array_new ();
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (path, 0, widget);

  for (guint i = 0; i < path->len; i++)
    if (offer_key (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval))
      {
        settle ();
        return;
      }

  for (guint i = path->len; i > 0; i--)
    if (offer_key (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval))
      {
        settle ();
        return;
      }

  g_error ("no shortcut from %s up took %s", G_OBJECT_TYPE_NAME (focus), gdk_keyval_name (keyval));
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Enter or Space on the focused button, as GTK's own binding does. */
static void
activate_focus (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  gboolean clicked = FALSE;

  g_assert_true (GTK_IS_BUTTON (focus));
  g_signal_connect_swapped (focus, "clicked", G_CALLBACK (set_true), &clicked);
  gtk_widget_activate (focus);
  /* A button shows itself pressed for a moment before it is clicked. */
  while (!clicked)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (focus, set_true, &clicked);
  settle ();
}

/* Finding things */

static NichiroSelfTestPage *
find_page (Fixture *fixture)
{
  GtkWidget *page = nichiro_test_find_widget (GTK_WIDGET (fixture->window), NICHIRO_TYPE_SELF_TEST_PAGE, NULL);

  g_assert_nonnull (page);
  return NICHIRO_SELF_TEST_PAGE (page);
}

static GtkWidget *
find_by_type_name (GtkWidget  *root,
                   const char *type_name)
{
  GtkWidget *found = nichiro_test_find_widget (root, g_type_from_name (type_name), NULL);

  g_assert_nonnull (found);
  return found;
}

static const char *
focus_text (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  g_assert_true (GTK_IS_LABEL (focus));
  return gtk_label_get_text (GTK_LABEL (focus));
}

static const char *
prompt_of (Fixture    *fixture,
           const char *card_id)
{
  NichiroCardSet *cards = nichiro_self_test_get_cards (nichiro_session_get_self_test (fixture->session));

  return nichiro_card_get_prompt (nichiro_card_set_lookup (cards, card_id), NICHIRO_LANGUAGE_EN);
}

static GtkWidget *
find_grade_button (Fixture *fixture,
                   int      rating)
{
  GtkWidget *card = find_by_type_name (GTK_WIDGET (find_page (fixture)), "NichiroReviewCard");
  g_autofree char *key = g_strdup_printf ("%d", rating);
  GtkWidget *label = nichiro_test_find_shown_label (card, key);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

/* Tests */

/* The way in: the count in the header bar and the guide, and Ctrl+T. */
static void
test_entry_point (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *header = nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), "7");
  GtkWidget *guide_row = nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), "7 cards due today");
  GtkWidget *button;

  g_assert_nonnull (header);
  g_assert_nonnull (guide_row);
  button = gtk_widget_get_ancestor (header, NICHIRO_TYPE_SELF_TEST_BUTTON);
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Self-test: 7 cards due today (Ctrl+T)");

  /* Nothing of the page is made before it is asked for. */
  g_assert_null (nichiro_test_find_widget (GTK_WIDGET (fixture->window), NICHIRO_TYPE_SELF_TEST_PAGE, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  g_assert_cmpstr (nichiro_self_test_page_get_view (find_page (fixture)), ==, "start");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), "7 cards are due today.");

  /* Escape leaves it, back to the entry. */
  press_key (fixture, GDK_KEY_Escape, GTK_WIDGET (find_page (fixture)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (find_page (fixture))));
}

/* A whole session by keyboard: the question, the answer, a grade that
 * says when the card comes back, progress, the end of the day. */
static void
test_session_by_keyboard (Fixture       *fixture,
                          gconstpointer  data)
{
  NichiroSelfTestPage *page;
  NichiroEntry *selected;
  GtkWidget *card;
  GtkWidget *good;
  GtkWidget *answer;
  guint graded = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  page = find_page (fixture);
  card = find_by_type_name (GTK_WIDGET (page), "NichiroReviewCard");

  /* Enter on the focused "Start Review". */
  activate_focus (fixture);
  g_assert_cmpstr (nichiro_self_test_page_get_view (page), ==, "card");
  nichiro_test_wait_for_label (card, "Card 1 of 7");
  g_assert_cmpstr (focus_text (fixture), ==, prompt_of (fixture, "date:shimoda-1855"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_root_get_focus (GTK_ROOT (fixture->window))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Card 1 of 7: When was “Treaty of Shimoda” signed?");

  /* The timeline must not give the answer away yet. */
  g_assert_null (nichiro_session_get_selected (fixture->session));

  /* Space: the answer, in focus, its entry selected on the timeline. */
  press_key (fixture, GDK_KEY_space, card);
  g_assert_cmpstr (focus_text (fixture), ==, "7 February 1855");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "shimoda-1855");
  nichiro_test_wait_for_label (card, "10 min");
  nichiro_test_wait_for_label (card, "8 days");
  good = find_grade_button (fixture, 3);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (good), GTK_ACCESSIBLE_PROPERTY_LABEL, "Good, next in 10 min");

  /* 3: Good. The card comes back in ten minutes, so seven are still left. */
  press_key (fixture, GDK_KEY_3, card);
  graded++;
  nichiro_test_wait_for_label (card, "Good: back in 10 min.");
  nichiro_test_wait_for_label (card, "Card 2 of 8");
  g_assert_cmpstr (focus_text (fixture), ==, prompt_of (fixture, "date:war-1904"));
  /* The answer keeps its place, hidden: nothing of the last one is left to
   * see or to hear, and the grades are out of reach until Space. */
  answer = nichiro_test_find_matching (card, has_class, "nichiro-review-answer");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (answer)), ==, "");
  g_assert_false (gtk_widget_get_focusable (answer));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (answer), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_null (nichiro_test_find_widget (card, GTK_TYPE_LABEL, "7 February 1855"));
  g_assert_false (gtk_widget_is_sensitive (find_grade_button (fixture, 3)));
  selected = nichiro_session_get_selected (fixture->session);
  g_assert_true (selected == NULL || !g_str_equal (nichiro_entry_get_id (selected), "war-1904"));
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (fixture->store, "test-small"), ==, 1);

  /* The keypad's keys are the same keys. */
  press_key (fixture, GDK_KEY_KP_Enter, card);
  press_key (fixture, GDK_KEY_KP_4, card);
  graded++;

  /* Easy for the rest; the first card comes back ten minutes on. */
  fixture->now += 11 * 60 * G_USEC_PER_SEC;
  while (g_strcmp0 (nichiro_self_test_page_get_view (page), "card") == 0)
    {
      press_key (fixture, GDK_KEY_Return, card);
      press_key (fixture, GDK_KEY_4, card);
      graded++;
      g_assert_cmpuint (graded, <=, 8);
    }
  g_assert_cmpuint (graded, ==, 8);
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (fixture->store, "test-small"), ==, 8);

  /* Done for today, with tomorrow's work; the count follows. */
  g_assert_cmpstr (nichiro_self_test_page_get_view (page), ==, "done");
  nichiro_test_wait_for_label (GTK_WIDGET (page), "Done for Today");
  nichiro_test_wait_for_label (GTK_WIDGET (page), "8 answers today. Nothing is due tomorrow.");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), "Nothing due today");
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (fixture->window))));

  /* Escape: back to the start, and nothing is due. */
  press_key (fixture, GDK_KEY_Escape, GTK_WIDGET (page));
  g_assert_cmpstr (nichiro_self_test_page_get_view (page), ==, "start");
  nichiro_test_wait_for_label (GTK_WIDGET (page), "No cards are due today.");
}

/* O reads the entry of the card answered; the session goes on from
 * there afterwards. */
static void
test_open_entry (Fixture       *fixture,
                 gconstpointer  data)
{
  NichiroSelfTestPage *page;
  GtkWidget *card;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  page = find_page (fixture);
  card = find_by_type_name (GTK_WIDGET (page), "NichiroReviewCard");
  activate_focus (fixture);

  /* O does nothing before the answer. */
  press_key (fixture, GDK_KEY_space, card);
  press_key (fixture, GDK_KEY_o, card);
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "shimoda-1855");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), "Treaty of Shimoda");

  /* Ctrl+T: the same card, its answer shown, in focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (nichiro_self_test_page_get_view (page), ==, "card");
  g_assert_cmpstr (focus_text (fixture), ==, "7 February 1855");
  press_key (fixture, GDK_KEY_1, card);
  g_assert_cmpuint (nichiro_study_store_get_n_reviews (fixture->store, "test-small"), ==, 1);

  /* Choosing another entry elsewhere shows it, leaving the page. */
  nichiro_session_select_id (fixture->session, "peace-1905");
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
}

/* The statistics after a session: the figures and the charts, each said
 * in words. */
static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  NichiroSelfTestPage *page;
  GtkWidget *card;
  GtkWidget *chart;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  page = find_page (fixture);
  card = find_by_type_name (GTK_WIDGET (page), "NichiroReviewCard");
  activate_focus (fixture);
  for (guint i = 0; i < 3; i++)
    {
      press_key (fixture, GDK_KEY_space, card);
      press_key (fixture, GDK_KEY_4, card);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test-stats", NULL));
  settle ();
  g_assert_cmpstr (nichiro_self_test_page_get_view (page), ==, "stats");
  nichiro_test_wait_for_label (GTK_WIDGET (page), "Reviews today");
  nichiro_test_wait_for_label (GTK_WIDGET (page), "3 reviews in the last 30 days, 3 today (the last bar). Days with reviews: 1.");
  chart = nichiro_test_find_widget (GTK_WIDGET (page), NICHIRO_TYPE_REVIEW_CHART, NULL);
  g_assert_nonnull (chart);
  g_assert_cmpuint (nichiro_review_chart_get_n_values (NICHIRO_REVIEW_CHART (chart)), ==, 30);
  g_assert_cmpuint (nichiro_review_chart_get_value (NICHIRO_REVIEW_CHART (chart), 29), ==, 3);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "3 reviews in the last 30 days, 3 today (the last bar). Days with reviews: 1.");

  /* Escape: back to the start. */
  press_key (fixture, GDK_KEY_Escape, GTK_WIDGET (page));
  g_assert_cmpstr (nichiro_self_test_page_get_view (page), ==, "start");
}

static gboolean
n_due_is_one (gpointer data)
{
  return nichiro_self_test_get_n_due (data) == 1;
}

/* The desired retention and the choice of cards are preferences: set on
 * the page, kept in the settings, followed by the scheduler and the count. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = nichiro_lookup_settings ();
  NichiroSelfTest *self_test = nichiro_session_get_self_test (fixture->session);
  g_auto(GStrv) parts = NULL;
  NichiroSelfTestPage *page;
  GtkWidget *spin;
  GtkWidget *combo;
  GtkWidget *part;

  g_assert_cmpfloat (nichiro_self_test_get_desired_retention (self_test), ==, 0.90);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  page = find_page (fixture);

  spin = nichiro_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 90);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 85);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "desired-retention"), 0.85, 1e-9);
  g_assert_cmpfloat_with_epsilon (nichiro_fsrs_get_desired_retention (nichiro_self_test_get_scheduler (self_test)),
                                  0.85, 1e-9);

  /* Out of range is held at the bounds. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 99);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "desired-retention"), 0.97, 1e-9);

  /* The parts I choose: none yet, so nothing is due; one part, its card. */
  combo = nichiro_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, NULL);
  g_assert_nonnull (combo);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  settle ();
  g_assert_cmpint (g_settings_get_enum (settings, "self-test-cards"), ==, NICHIRO_SELF_TEST_CHOICE_PARTS);
  nichiro_test_wait_for_label (GTK_WIDGET (page), "No cards are due today.");
  /* The list of parts opens (animated: waited for). */
  nichiro_test_wait_for_label (GTK_WIDGET (page), "1. Part one");
  part = nichiro_test_find_shown_label (GTK_WIDGET (page), "1. Part one");
  g_assert_nonnull (part);
  gtk_widget_activate (gtk_widget_get_ancestor (part, ADW_TYPE_ACTION_ROW));
  nichiro_test_wait_for (GTK_WIDGET (page), n_due_is_one, self_test);
  parts = g_settings_get_strv (settings, "self-test-parts");
  g_assert_cmpuint (g_strv_length (parts), ==, 1);
  g_assert_cmpstr (parts[0], ==, "one");
  nichiro_test_wait_for_label (GTK_WIDGET (page), "1 card is due today.");

  /* And back to the whole chapter. */
  g_settings_set_enum (settings, "self-test-cards", NICHIRO_SELF_TEST_CHOICE_ALL);
  settle ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  nichiro_test_wait_for_label (GTK_WIDGET (page), "7 cards are due today.");
}

/* A part's page is shown; the self-test takes its place, and an answer,
 * which selects its entry on the timeline, does not bring back the part
 * (or anything else) in place of the card. Leaving, the reader finds the
 * entry read last, and choosing the part again shows it again. */
static gboolean
is_map_button (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "mark-location-symbolic") == 0;
}

static void
test_over_a_part (Fixture       *fixture,
                  gconstpointer  data)
{
  NichiroSelfTestPage *page;
  GtkWidget *card;
  GtkWidget *map_button;

  g_assert_true (nichiro_session_set_part (fixture->session, "one"));
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  page = find_page (fixture);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_null (nichiro_session_get_part (fixture->session));

  card = find_by_type_name (GTK_WIDGET (page), "NichiroReviewCard");
  activate_focus (fixture);
  press_key (fixture, GDK_KEY_space, card);
  settle ();
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "shimoda-1855");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (nichiro_self_test_page_get_view (page), ==, "card");

  press_key (fixture, GDK_KEY_Escape, card);
  press_key (fixture, GDK_KEY_Escape, GTK_WIDGET (page));
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (nichiro_session_set_part (fixture->session, "one"));
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), "Part one"));

  /* The map too: the self-test puts it away, and leaving does not bring
   * it back. */
  map_button = nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_map_button, NULL);
  g_assert_nonnull (map_button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (map_button), TRUE);
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.self-test", NULL));
  settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (map_button)));
  press_key (fixture, GDK_KEY_Escape, GTK_WIDGET (page));
  settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (map_button)));
}

static gboolean
has_page (gpointer data)
{
  GtkWidget *page = nichiro_test_find_widget (data, NICHIRO_TYPE_SELF_TEST_PAGE, NULL);

  return page != NULL && gtk_widget_get_mapped (page);
}

/* A part's page says how many of its cards are due, and "Test Me on This
 * Part" makes the part the reader's choice and starts there. */
static void
test_part_page (Fixture       *fixture,
                gconstpointer  data)
{
  NichiroSelfTest *self_test = nichiro_session_get_self_test (fixture->session);
  NichiroSelfTestCounts counts, all;
  g_autofree char *expected = NULL;
  g_autofree char *due = NULL;
  const char * const *parts;
  GtkWidget *label;

  nichiro_self_test_count_part (self_test, "two", &counts);
  g_assert_cmpuint (counts.total, >, 0);
  nichiro_self_test_count_chosen (self_test, &all);
  g_assert_cmpuint (counts.total, <, all.total);
  expected = g_strdup_printf ("Due today: 0. Never answered: %u. In all: %u.", counts.total, counts.total);

  g_assert_true (nichiro_session_set_part (fixture->session, "two"));
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), expected);
  label = nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), "Test Me on This Part");
  g_assert_nonnull (label);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Test Me on This Part");

  /* A button shows itself pressed for a moment before it is clicked. */
  gtk_widget_activate (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON));
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), has_page, fixture->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_page (fixture))));
  g_assert_cmpint (nichiro_self_test_get_choice (self_test), ==, NICHIRO_SELF_TEST_CHOICE_PARTS);
  parts = nichiro_self_test_get_parts (self_test);
  g_assert_nonnull (parts);
  g_assert_cmpstr (parts[0], ==, "two");
  g_assert_null (parts[1]);
  due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card is due today.", "%u cards are due today.", MIN (counts.total, 10)),
                         MIN (counts.total, 10));
  nichiro_test_wait_for_label (GTK_WIDGET (find_page (fixture)), due);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!nichiro_test_init_display ())
    return 1;

  small = nichiro_test_load_dataset ("small.json");

#define ADD(name, func) g_test_add ("/nichiro/self-test-ui/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("entry-point", test_entry_point);
  ADD ("session-by-keyboard", test_session_by_keyboard);
  ADD ("open-entry", test_open_entry);
  ADD ("stats", test_stats);
  ADD ("over-a-part", test_over_a_part);
  ADD ("part-page", test_part_page);
  ADD ("preferences", test_preferences);
#undef ADD

  status = g_test_run ();
  g_clear_object (&small);

  return status;
}
