/* nichiro-self-test-page.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-self-test-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "nichiro-self-test-page.h"
#include "nichiro-review-card.h"
#include "nichiro-review-session.h"
#include "nichiro-stats-view.h"
#include "nichiro-ui-utils.h"

/* The self-test in the content area: where it starts (how many cards are
 * due, which cards, the desired retention, the statistics and the Anki
 * export), the review session card by card, "done for today" with what
 * tomorrow brings, and the statistics. It follows the session's
 * NichiroSelfTest, which counts what is due once for every view; the
 * window makes the page the first time it is asked for. Escape goes back
 * a step: from a card, the statistics or the end to the start, from the
 * start out of the self-test. */

struct _NichiroSelfTestPage
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  NichiroSelfTest *self_test;
  GSignalGroup *self_test_signals;
  GBindingGroup *self_test_bindings;
  NichiroReviewSession *review_session;
  GSignalGroup *review_signals;
  GPtrArray *part_checks;        /* GtkCheckButton, in the dataset's order of parts */
  guint wait_source;

  GtkStack *stack;
  GtkLabel *due_label;
  GtkLabel *due_detail_label;
  GtkButton *start_button;
  AdwComboRow *choice_row;
  AdwExpanderRow *parts_row;
  GtkSpinButton *retention_spin;
  NichiroReviewCard *card_view;
  AdwStatusPage *done_page;
  GtkLabel *done_label;
  GtkButton *done_stats_button;
  NichiroStatsView *stats_view;
  GtkLabel *start_label;
  GtkLabel *done_stats_label;
  GtkLabel *done_back_label;
};

G_DEFINE_FINAL_TYPE (NichiroSelfTestPage, nichiro_self_test_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_VIEW,
  N_PROPS
};

enum {
  OPEN_ENTRY,
  CLOSE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
show_view (NichiroSelfTestPage *self,
           const char          *name)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
update_due (NichiroSelfTestPage *self)
{
  g_autofree char *due = NULL;
  g_autofree char *detail = NULL;
  NichiroSelfTestCounts counts;
  guint n_due, n_new;

  if (self->self_test == NULL || !nichiro_self_test_is_prepared (self->self_test))
    return;

  n_due = nichiro_self_test_get_n_due (self->self_test);
  nichiro_self_test_count_chosen (self->self_test, &counts);
  n_new = n_due > counts.due ? n_due - counts.due : 0;

  if (n_due == 0)
    due = g_strdup (_("No cards are due today."));
  else
    due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card is due today.", "%u cards are due today.", n_due),
                           n_due);
  gtk_label_set_text (self->due_label, due);

  /* Translators: under the count of cards due: "To review: 3. New: 9 (at most 10 a day). Chosen: 459 cards." */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "To review: %u. New: %u (at most %u a day). Chosen: %u card.",
                                         "To review: %u. New: %u (at most %u a day). Chosen: %u cards.",
                                         counts.total),
                            counts.due, n_new, nichiro_self_test_get_new_per_day (self->self_test), counts.total);
  gtk_label_set_text (self->due_detail_label, detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-test.start", n_due > 0);
}

/* The chapter's parts, each with a check: made when first shown. */
static void
part_toggled_cb (NichiroSelfTestPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < self->part_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->part_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "part-id"));
    }

  parts = g_strv_builder_end (builder);
  nichiro_self_test_set_choice (self->self_test, NICHIRO_SELF_TEST_CHOICE_PARTS, (const char * const *) parts);
}

static void
sync_part_checks (NichiroSelfTestPage *self)
{
  const char * const *parts = nichiro_self_test_get_parts (self->self_test);

  for (guint i = 0; i < self->part_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->part_checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "part-id");

      g_signal_handlers_block_by_func (check, part_toggled_cb, self);
      gtk_check_button_set_active (check, parts != NULL && g_strv_contains (parts, id));
      g_signal_handlers_unblock_by_func (check, part_toggled_cb, self);
    }
}

static void
ensure_part_checks (NichiroSelfTestPage *self)
{
  NichiroDataset *dataset;
  const NichiroPart *parts;
  guint n_parts;

  if (self->part_checks->len > 0 || self->session == NULL)
    return;

  dataset = nichiro_session_get_dataset (self->session);
  parts = nichiro_dataset_get_parts (dataset, &n_parts);
  for (guint i = 0; i < n_parts; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Translators: a part of the book's chapter, "NUMBER. TITLE" */
      g_autofree char *title = g_strdup_printf (_("%u. %s"), parts[i].number,
                                                nichiro_part_get_title (&parts[i],
                                                                        nichiro_session_get_title_language (self->session)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "part-id", g_strdup (parts[i].id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (part_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->parts_row, row);
      g_ptr_array_add (self->part_checks, check);
    }

  sync_part_checks (self);
}

static void
choice_changed_cb (NichiroSelfTestPage *self)
{
  gboolean parts = nichiro_self_test_get_choice (self->self_test) == NICHIRO_SELF_TEST_CHOICE_PARTS;

  if (parts)
    ensure_part_checks (self);
  gtk_widget_set_visible (GTK_WIDGET (self->parts_row), parts);
  if (parts)
    {
      adw_expander_row_set_expanded (self->parts_row, TRUE);
      sync_part_checks (self);
    }
}

static gboolean
wait_timeout_cb (gpointer data)
{
  NichiroSelfTestPage *self = data;

  self->wait_source = 0;
  if (self->review_session != NULL)
    nichiro_review_session_refresh (self->review_session);
  return G_SOURCE_REMOVE;
}

static void
show_end (NichiroSelfTestPage *self)
{
  NichiroReviewSessionState state = nichiro_review_session_get_state (self->review_session);
  guint done = nichiro_review_session_get_n_done (self->review_session);
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->wait_source, g_source_remove);

  if (state == NICHIRO_REVIEW_SESSION_WAITING)
    {
      gint64 next = nichiro_review_session_get_next_due (self->review_session);
      gint64 now = nichiro_self_test_get_now (self->self_test);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (next / G_USEC_PER_SEC);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, nichiro_self_test_get_time_zone (self->self_test));
      g_autofree char *time = g_date_time_format (local, "%X");

      adw_status_page_set_title (self->done_page, _("A Card Comes Back Soon"));
      /* Translators: while a card waits for its next learning step */
      text = g_strdup_printf (_("The next card is due at %s; this page shows it then."), time);
      self->wait_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                      (guint) CLAMP ((next - now) / G_USEC_PER_SEC + 1, 1, 3600),
                                                      wait_timeout_cb, self, NULL);
    }
  else
    {
      guint due = 0, fresh = 0;

      nichiro_self_test_count_tomorrow (self->self_test, &due, &fresh);
      adw_status_page_set_title (self->done_page, _("Done for Today"));
      g_autofree char *answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer today.",
                                                               "%u answers today.", done),
                                                  done);
      g_autofree char *tomorrow = NULL;

      if (due + fresh == 0)
        tomorrow = g_strdup (_("Nothing is due tomorrow."));
      else if (fresh == 0)
        tomorrow = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tomorrow: %u card to review.",
                                                 "Tomorrow: %u cards to review.", due),
                                    due);
      else if (due == 0)
        tomorrow = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tomorrow: %u new card.",
                                                 "Tomorrow: %u new cards.", fresh),
                                    fresh);
      else
        /* Translators: what tomorrow brings: "Tomorrow: 7 cards to review, and 10 new." */
        tomorrow = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tomorrow: %u card to review, and %u new.",
                                                 "Tomorrow: %u cards to review, and %u new.", due),
                                    due, fresh);
      /* Translators: the end of a session: "12 answers today. Tomorrow: …" */
      text = g_strdup_printf (_("%s %s"), answers, tomorrow);
    }

  show_view (self, "done");
  nichiro_announce (GTK_WIDGET (self), self->done_label, text);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->done_stats_button));
}

static void
review_state_changed_cb (NichiroSelfTestPage *self)
{
  NichiroReviewSessionState state = nichiro_review_session_get_state (self->review_session);

  if (state == NICHIRO_REVIEW_SESSION_PROMPT || state == NICHIRO_REVIEW_SESSION_ANSWER)
    {
      /* The card takes the focus once it is on screen, so that the keys
       * reach it rather than the search. */
      show_view (self, "card");
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        nichiro_review_card_focus (self->card_view);
    }
  else
    {
      show_end (self);
    }
}

static void
set_review_session (NichiroSelfTestPage  *self,
                    NichiroReviewSession *review_session)
{
  g_clear_handle_id (&self->wait_source, g_source_remove);
  g_set_object (&self->review_session, review_session);
  g_signal_group_set_target (self->review_signals, review_session);
  nichiro_review_card_set_review_session (self->card_view, review_session);
}

static gboolean
session_in_progress (NichiroSelfTestPage *self)
{
  NichiroReviewSessionState state;

  if (self->review_session == NULL)
    return FALSE;

  state = nichiro_review_session_get_state (self->review_session);
  return state == NICHIRO_REVIEW_SESSION_PROMPT || state == NICHIRO_REVIEW_SESSION_ANSWER ||
         state == NICHIRO_REVIEW_SESSION_WAITING;
}

static void
follow_self_test (NichiroSelfTestPage *self)
{
  NichiroSelfTest *self_test = self->session ? nichiro_session_get_self_test (self->session) : NULL;

  if (!g_set_object (&self->self_test, self_test))
    return;

  set_review_session (self, NULL);
  g_signal_group_set_target (self->self_test_signals, self_test);
  g_binding_group_set_source (self->self_test_bindings, self_test);
  nichiro_stats_view_set_self_test (self->stats_view, self_test);
  if (self_test != NULL)
    {
      nichiro_self_test_prepare (self_test);
      choice_changed_cb (self);
    }
  update_due (self);
}

/* Callbacks */

static void
open_entry_cb (NichiroSelfTestPage *self,
               NichiroEntry        *entry)
{
  g_signal_emit (self, signals[OPEN_ENTRY], 0, entry);
}

/* The combo row lists the choices in their order. */
static gboolean
choice_to_position (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
position_to_choice (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  guint position = g_value_get_uint (from);

  if (position > NICHIRO_SELF_TEST_CHOICE_STUDIED)
    return FALSE;
  g_value_set_enum (to, (int) position);
  return TRUE;
}

static gboolean
retention_to_percent (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_double (to, g_value_get_double (from) * 100.0);
  return TRUE;
}

static gboolean
percent_to_retention (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_double (to, CLAMP (g_value_get_double (from) / 100.0,
                                 NICHIRO_FSRS_DESIRED_RETENTION_MIN, NICHIRO_FSRS_DESIRED_RETENTION_MAX));
  return TRUE;
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nichiro_self_test_page_start (NICHIRO_SELF_TEST_PAGE (widget));
}

static void
show_stats_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  nichiro_self_test_page_show_stats (NICHIRO_SELF_TEST_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NichiroSelfTestPage *self = NICHIRO_SELF_TEST_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") == 0)
    g_signal_emit (self, signals[CLOSE], 0);
  else
    nichiro_self_test_page_show_start (self);
}

/* GObject */

static void
nichiro_self_test_page_dispose (GObject *object)
{
  NichiroSelfTestPage *self = (NichiroSelfTestPage *)object;

  g_clear_handle_id (&self->wait_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_SELF_TEST_PAGE);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->self_test_signals);
  g_clear_object (&self->self_test_bindings);
  g_clear_object (&self->review_signals);
  g_clear_object (&self->review_session);
  g_clear_object (&self->self_test);
  g_clear_object (&self->session);
  g_clear_pointer (&self->part_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (nichiro_self_test_page_parent_class)->dispose (object);
}

static void
nichiro_self_test_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NichiroSelfTestPage *self = NICHIRO_SELF_TEST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_VIEW:
      g_value_set_string (value, nichiro_self_test_page_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_self_test_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NichiroSelfTestPage *self = NICHIRO_SELF_TEST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_self_test_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_self_test_page_class_init (NichiroSelfTestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_self_test_page_dispose;
  object_class->get_property = nichiro_self_test_page_get_property;
  object_class->set_property = nichiro_self_test_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSelfTestPage:view:
   *
   * What the page shows: "start", "card", "done" or "stats".
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "start",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroSelfTestPage::open-entry:
   * @self: the page
   * @entry: the entry of the card answered
   *
   * The reader asked to read the entry; the session goes on when they
   * come back (nichiro_self_test_page_resume()).
   */
  signals[OPEN_ENTRY] =
    g_signal_new ("open-entry",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NICHIRO_TYPE_ENTRY);

  /**
   * NichiroSelfTestPage::close:
   * @self: the page
   *
   * The reader left the self-test (Escape on its start).
   */
  signals[CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "self-test.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "self-test.show-stats", NULL, show_stats_action);
  gtk_widget_class_install_action (widget_class, "self-test.back", NULL, back_action);

  g_type_ensure (NICHIRO_TYPE_REVIEW_CARD);
  g_type_ensure (NICHIRO_TYPE_STATS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-self-test-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, due_detail_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, choice_row);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, parts_row);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, card_view);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, done_page);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, done_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, done_stats_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, stats_view);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, start_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, done_stats_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestPage, done_back_label);
  gtk_widget_class_bind_template_callback (widget_class, open_entry_cb);

  gtk_widget_class_set_css_name (widget_class, "nichiro-self-test-page");
}

static void
nichiro_self_test_page_init (NichiroSelfTestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  nichiro_name_by_label (self->start_label);
  nichiro_name_by_label (self->done_stats_label);
  nichiro_name_by_label (self->done_back_label);

  self->part_checks = g_ptr_array_new ();

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);

  self->self_test_signals = g_signal_group_new (NICHIRO_TYPE_SELF_TEST);
  g_signal_group_connect_object (self->self_test_signals, "notify::n-due",
                                 G_CALLBACK (update_due), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->self_test_signals, "changed",
                                 G_CALLBACK (update_due), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->self_test_signals, "notify::choice",
                                 G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->self_test_signals, "notify::parts",
                                 G_CALLBACK (sync_part_checks), self, G_CONNECT_SWAPPED);

  self->self_test_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->self_test_bindings, "choice", self->choice_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             choice_to_position, position_to_choice, NULL, NULL);
  g_binding_group_bind_full (self->self_test_bindings, "desired-retention",
                             gtk_spin_button_get_adjustment (self->retention_spin), "value",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             retention_to_percent, percent_to_retention, NULL, NULL);

  self->review_signals = g_signal_group_new (NICHIRO_TYPE_REVIEW_SESSION);
  g_signal_group_connect_object (self->review_signals, "notify::state",
                                 G_CALLBACK (review_state_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "self-test.start", FALSE);
}

/* Public API */

GtkWidget *
nichiro_self_test_page_new (void)
{
  return g_object_new (NICHIRO_TYPE_SELF_TEST_PAGE, NULL);
}

NichiroSession *
nichiro_self_test_page_get_session (NichiroSelfTestPage *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self), NULL);

  return self->session;
}

/**
 * nichiro_self_test_page_set_session:
 * @self: the page
 * @session: (nullable): the session whose self-test it shows
 */
void
nichiro_self_test_page_set_session (NichiroSelfTestPage *self,
                                    NichiroSession      *session)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self));

  if (!nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session,
                               self->session_signals, session))
    return;

  nichiro_review_card_set_session (self->card_view, session);
  follow_self_test (self);
}

/**
 * nichiro_self_test_page_show_start:
 * @self: the page
 *
 * Shows where the self-test starts; a session under way is left.
 */
void
nichiro_self_test_page_show_start (NichiroSelfTestPage *self)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self));

  set_review_session (self, NULL);
  update_due (self);
  show_view (self, "start");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (gtk_widget_get_sensitive (GTK_WIDGET (self->start_button)) ? GTK_WIDGET (self->start_button)
                                                                                       : GTK_WIDGET (self->choice_row));
}

void
nichiro_self_test_page_show_stats (NichiroSelfTestPage *self)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self));

  show_view (self, "stats");
}

/**
 * nichiro_self_test_page_start:
 * @self: the page
 *
 * Starts a review session of the cards due now.
 */
void
nichiro_self_test_page_start (NichiroSelfTestPage *self)
{
  g_autoptr(NichiroReviewSession) review_session = NULL;

  g_return_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self));

  if (self->self_test == NULL)
    return;

  review_session = nichiro_review_session_new (self->self_test);
  set_review_session (self, review_session);
  review_state_changed_cb (self);
}

/**
 * nichiro_self_test_page_resume:
 * @self: the page
 *
 * Shows the session under way where it was, or where the self-test
 * starts if none is.
 */
void
nichiro_self_test_page_resume (NichiroSelfTestPage *self)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self));

  if (!session_in_progress (self))
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "stats") != 0)
        nichiro_self_test_page_show_start (self);
      return;
    }

  review_state_changed_cb (self);
}

/**
 * nichiro_self_test_page_get_view:
 * @self: the page
 *
 * Returns: what #NichiroSelfTestPage:view says
 */
const char *
nichiro_self_test_page_get_view (NichiroSelfTestPage *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * nichiro_self_test_page_shows_entry:
 * @self: the page
 * @entry: the session's selected entry
 *
 * Returns: whether the page selected @entry itself, to show a card's
 *   answer in context (the window stays on the page then)
 */
gboolean
nichiro_self_test_page_shows_entry (NichiroSelfTestPage *self,
                                    NichiroEntry        *entry)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST_PAGE (self), FALSE);

  return nichiro_review_card_shows_entry (self->card_view, entry);
}
