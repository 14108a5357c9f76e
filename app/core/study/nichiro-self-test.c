/* nichiro-self-test.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-self-test"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-self-test-private.h"
#include "nichiro-review-log.h"
#include "nichiro-review-queue.h"
#include "nichiro-review-stats.h"

#include <math.h>

/* The self-test of one dataset, as every view of it needs it once: the
 * cards the dataset gives (made when first needed, never for the first
 * frame), the scheduler with the learner's desired retention and time
 * zone, which cards the reader chose, and what is due. The number due is
 * computed once and observed (the header and the guide show it); it is
 * computed again when the store's reviews or studied marks change, when
 * the choice changes, and when the next card falls due or the day ends.
 * The statistics and the counts by part are computed when asked, in
 * nichiro-self-test-counts.c. */

G_DEFINE_FINAL_TYPE (NichiroSelfTest, nichiro_self_test, G_TYPE_OBJECT)

/* The nicks are the values of the self-test-cards setting. */
G_DEFINE_ENUM_TYPE (NichiroSelfTestChoice, nichiro_self_test_choice,
                    G_DEFINE_ENUM_VALUE (NICHIRO_SELF_TEST_CHOICE_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (NICHIRO_SELF_TEST_CHOICE_PARTS, "parts"),
                    G_DEFINE_ENUM_VALUE (NICHIRO_SELF_TEST_CHOICE_STUDIED, "studied"))

enum {
  PROP_0,
  PROP_DATASET,
  PROP_STORE,
  PROP_N_DUE,
  PROP_PREPARED,
  PROP_DESIRED_RETENTION,
  PROP_NEW_PER_DAY,
  PROP_CHOICE,
  PROP_PARTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The most a timer waits before the count is checked again, in case the
 * clock jumped (a suspended laptop). */
#define RECHECK_MAX_SECONDS (60 * 60)

/* Helpers */

static const char *
dataset_id (NichiroSelfTest *self)
{
  return nichiro_dataset_get_id (self->dataset);
}

GHashTable *
_nichiro_self_test_dup_states (NichiroSelfTest *self)
{
  if (self->store == NULL)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return nichiro_study_store_dup_card_states (self->store, dataset_id (self));
}

GArray *
_nichiro_self_test_dup_log (NichiroSelfTest *self)
{
  GArray *log;

  if (self->store != NULL)
    return nichiro_study_store_dup_review_log (self->store, dataset_id (self));

  log = g_array_new (FALSE, FALSE, sizeof (NichiroReviewLogEntry));
  g_array_set_clear_func (log, (GDestroyNotify) nichiro_review_log_entry_clear);
  return log;
}

/* New cards the day's limit leaves for today. */
guint
_nichiro_self_test_count_new_allowed (NichiroSelfTest *self,
                                      GArray          *log)
{
  gint64 today = nichiro_self_test_get_day_start (self, 0);
  guint used = nichiro_review_stats_count_new_since ((const NichiroReviewLogEntry *) (gpointer) log->data,
                                                     log->len, today);

  return self->new_per_day > used ? self->new_per_day - used : 0;
}

/* Counts @cards: those due before @until (and answered before), those
 * never answered. */
void
_nichiro_self_test_count_cards (GPtrArray             *cards,
                                GHashTable            *states,
                                gint64                 until,
                                NichiroSelfTestCounts *out_counts)
{
  NichiroSelfTestCounts counts = { 0, 0, cards->len };

  for (guint i = 0; i < cards->len; i++)
    {
      const NichiroFsrsCard *state = g_hash_table_lookup (states, nichiro_card_get_id (g_ptr_array_index (cards, i)));

      if (state == NULL || nichiro_fsrs_card_is_new (state))
        counts.fresh++;
      else if (state->due < until)
        counts.due++;
    }

  *out_counts = counts;
}

static void schedule_update (NichiroSelfTest *self);

static gboolean
due_timeout_cb (gpointer data)
{
  NichiroSelfTest *self = data;

  self->due_source = 0;
  schedule_update (self);
  return G_SOURCE_REMOVE;
}

/* Counts what is due now, and sets a timer for when that changes by
 * itself: the next day. */
static void
update (NichiroSelfTest *self)
{
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GArray) log = NULL;
  NichiroSelfTestCounts counts;
  gint64 now = nichiro_self_test_get_now (self);
  gint64 day_end = nichiro_self_test_get_day_start (self, 1);
  guint n_due;

  chosen = nichiro_self_test_dup_chosen_cards (self);
  states = _nichiro_self_test_dup_states (self);
  log = _nichiro_self_test_dup_log (self);
  _nichiro_self_test_count_cards (chosen, states, day_end, &counts);
  n_due = counts.due + MIN (counts.fresh, _nichiro_self_test_count_new_allowed (self, log));

  /* Cards falling due later today are counted already: only the day's
   * end changes the count by itself. The timer is capped, should the
   * clock jump (a laptop waking up). */
  g_clear_handle_id (&self->due_source, g_source_remove);
  self->due_source = g_timeout_add_seconds_full (G_PRIORITY_LOW,
                                                 (guint) CLAMP ((day_end - now) / G_USEC_PER_SEC + 1, 1,
                                                                RECHECK_MAX_SECONDS),
                                                 due_timeout_cb, self, NULL);
  g_source_set_name_by_id (self->due_source, "[nichiro] self-test due");

  if (!self->prepared)
    {
      self->prepared = TRUE;
      self->n_due = n_due;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREPARED]);
      return;
    }

  if (self->n_due != n_due)
    {
      self->n_due = n_due;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
    }
}

static gboolean
update_cb (gpointer data)
{
  NichiroSelfTest *self = data;

  self->update_source = 0;
  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Several changes in a row (a merge, an import) count once. */
static void
schedule_update (NichiroSelfTest *self)
{
  if (!self->prepared || self->update_source != 0)
    return;

  self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_cb, self, NULL);
  g_source_set_name_by_id (self->update_source, "[nichiro] self-test update");
}

static void
store_reviews_changed_cb (NichiroSelfTest   *self,
                          const char        *changed_dataset_id,
                          NichiroStudyStore *store)
{
  if (g_strcmp0 (changed_dataset_id, dataset_id (self)) == 0)
    schedule_update (self);
}

/* Studied marks choose the cards of "what I have studied". */
static void
store_changed_cb (NichiroSelfTest   *self,
                  const char        *changed_dataset_id,
                  const char        *entry_id,
                  NichiroStudyStore *store)
{
  if (self->choice == NICHIRO_SELF_TEST_CHOICE_STUDIED && g_strcmp0 (changed_dataset_id, dataset_id (self)) == 0)
    schedule_update (self);
}

static gint64
real_time_clock (gpointer user_data)
{
  return g_get_real_time ();
}

/* GObject */

static void
nichiro_self_test_dispose (GObject *object)
{
  NichiroSelfTest *self = (NichiroSelfTest *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->due_source, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  g_clear_object (&self->cards);
  g_clear_object (&self->fsrs);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (nichiro_self_test_parent_class)->dispose (object);
}

static void
nichiro_self_test_finalize (GObject *object)
{
  NichiroSelfTest *self = (NichiroSelfTest *)object;

  g_clear_pointer (&self->parts, g_strfreev);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (nichiro_self_test_parent_class)->finalize (object);
}

static void
nichiro_self_test_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NichiroSelfTest *self = NICHIRO_SELF_TEST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;

    case PROP_PREPARED:
      g_value_set_boolean (value, self->prepared);
      break;

    case PROP_DESIRED_RETENTION:
      g_value_set_double (value, nichiro_self_test_get_desired_retention (self));
      break;

    case PROP_NEW_PER_DAY:
      g_value_set_uint (value, self->new_per_day);
      break;

    case PROP_CHOICE:
      g_value_set_enum (value, self->choice);
      break;

    case PROP_PARTS:
      g_value_set_boxed (value, self->parts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_self_test_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NichiroSelfTest *self = NICHIRO_SELF_TEST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_STORE:
      nichiro_self_test_set_store (self, g_value_get_object (value));
      break;

    case PROP_DESIRED_RETENTION:
      nichiro_self_test_set_desired_retention (self, g_value_get_double (value));
      break;

    case PROP_NEW_PER_DAY:
      nichiro_self_test_set_new_per_day (self, g_value_get_uint (value));
      break;

    case PROP_CHOICE:
      nichiro_self_test_set_choice (self, g_value_get_enum (value), (const char * const *) self->parts);
      break;

    case PROP_PARTS:
      nichiro_self_test_set_choice (self, self->choice, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_self_test_class_init (NichiroSelfTestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nichiro_self_test_dispose;
  object_class->finalize = nichiro_self_test_finalize;
  object_class->get_property = nichiro_self_test_get_property;
  object_class->set_property = nichiro_self_test_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, NICHIRO_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NICHIRO_TYPE_STUDY_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSelfTest:n-due:
   *
   * How many cards a review session started now would show today: those
   * due before the day ends and the new cards the day still allows, of
   * the reader's choice. 0 until nichiro_self_test_prepare().
   */
  properties[PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PREPARED] =
    g_param_spec_boolean ("prepared", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESIRED_RETENTION] =
    g_param_spec_double ("desired-retention", NULL, NULL,
                         NICHIRO_FSRS_DESIRED_RETENTION_MIN, NICHIRO_FSRS_DESIRED_RETENTION_MAX,
                         NICHIRO_FSRS_DESIRED_RETENTION_DEFAULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NEW_PER_DAY] =
    g_param_spec_uint ("new-per-day", NULL, NULL, 0, 1000, NICHIRO_SELF_TEST_NEW_PER_DAY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSelfTest:choice:
   *
   * A #NichiroSelfTestChoice: the cards sessions show.
   */
  properties[PROP_CHOICE] =
    g_param_spec_enum ("choice", NULL, NULL,
                       NICHIRO_TYPE_SELF_TEST_CHOICE, NICHIRO_SELF_TEST_CHOICE_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PARTS] =
    g_param_spec_boxed ("parts", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroSelfTest::changed:
   * @self: the self-test
   *
   * Emitted when what is due may have changed: a review was kept (here or
   * in another Nichiro), the choice changed, a day began. Statistics and
   * counts by part are worth asking again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nichiro_self_test_init (NichiroSelfTest *self)
{
  self->clock = real_time_clock;
  self->new_per_day = NICHIRO_SELF_TEST_NEW_PER_DAY;
  self->time_zone = g_time_zone_new_local ();
  self->fsrs = nichiro_fsrs_new ();
  nichiro_fsrs_set_time_zone (self->fsrs, self->time_zone);

  self->store_signals = g_signal_group_new (NICHIRO_TYPE_STUDY_STORE);
  g_signal_group_connect_object (self->store_signals, "reviews-changed",
                                 G_CALLBACK (store_reviews_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * nichiro_self_test_new:
 * @dataset: the dataset the cards are made from
 * @store: (nullable): where the reader's reviews are kept; without one,
 *   every card is new and nothing can be kept
 *
 * Makes the self-test of @dataset. Nothing is computed yet: the cards are
 * made when first needed.
 *
 * Returns: (transfer full): a new self-test
 */
NichiroSelfTest *
nichiro_self_test_new (NichiroDataset    *dataset,
                       NichiroStudyStore *store)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (store == NULL || NICHIRO_IS_STUDY_STORE (store), NULL);

  return g_object_new (NICHIRO_TYPE_SELF_TEST, "dataset", dataset, "store", store, NULL);
}

NichiroDataset *
nichiro_self_test_get_dataset (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NULL);

  return self->dataset;
}

NichiroStudyStore *
nichiro_self_test_get_store (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NULL);

  return self->store;
}

void
nichiro_self_test_set_store (NichiroSelfTest   *self,
                             NichiroStudyStore *store)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));
  g_return_if_fail (store == NULL || NICHIRO_IS_STUDY_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->store_signals, store);
  schedule_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * nichiro_self_test_get_cards:
 * @self: a self-test
 *
 * Returns: (transfer none): the dataset's cards, made now if they were not
 *   yet
 */
NichiroCardSet *
nichiro_self_test_get_cards (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NULL);

  if (self->cards == NULL)
    self->cards = nichiro_card_set_new (self->dataset);

  return self->cards;
}

/**
 * nichiro_self_test_get_scheduler:
 * @self: a self-test
 *
 * Returns: (transfer none): the scheduler, with the desired retention and
 *   the learner's time zone
 */
NichiroFsrs *
nichiro_self_test_get_scheduler (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NULL);

  return self->fsrs;
}

gboolean
nichiro_self_test_is_prepared (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), FALSE);

  return self->prepared;
}

/**
 * nichiro_self_test_prepare:
 * @self: a self-test
 *
 * Makes the cards and counts what is due, if that was not done yet; from
 * then on #NichiroSelfTest:n-due follows every change. The window calls
 * it after its first frame.
 */
void
nichiro_self_test_prepare (NichiroSelfTest *self)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));

  if (self->prepared)
    return;

  nichiro_self_test_get_cards (self);
  update (self);
}

/**
 * nichiro_self_test_get_n_due:
 * @self: a self-test
 *
 * Returns: what #NichiroSelfTest:n-due says
 */
guint
nichiro_self_test_get_n_due (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), 0);

  return self->n_due;
}

double
nichiro_self_test_get_desired_retention (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NICHIRO_FSRS_DESIRED_RETENTION_DEFAULT);

  return nichiro_fsrs_get_desired_retention (self->fsrs);
}

/**
 * nichiro_self_test_set_desired_retention:
 * @self: a self-test
 * @desired_retention: from 0.70 to 0.97
 *
 * Sets the share of cards the learner wants to recall when they come up.
 * Higher means more reviews. It applies from the next grade on.
 */
void
nichiro_self_test_set_desired_retention (NichiroSelfTest *self,
                                         double           desired_retention)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));

  desired_retention = CLAMP (desired_retention, NICHIRO_FSRS_DESIRED_RETENTION_MIN,
                             NICHIRO_FSRS_DESIRED_RETENTION_MAX);
  if (nichiro_fsrs_get_desired_retention (self->fsrs) == desired_retention)
    return;

  nichiro_fsrs_set_desired_retention (self->fsrs, desired_retention);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIRED_RETENTION]);
}

guint
nichiro_self_test_get_new_per_day (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), 0);

  return self->new_per_day;
}

void
nichiro_self_test_set_new_per_day (NichiroSelfTest *self,
                                   guint            new_per_day)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));

  if (self->new_per_day == new_per_day)
    return;

  self->new_per_day = new_per_day;
  schedule_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_PER_DAY]);
}

NichiroSelfTestChoice
nichiro_self_test_get_choice (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NICHIRO_SELF_TEST_CHOICE_ALL);

  return self->choice;
}

/**
 * nichiro_self_test_get_parts:
 * @self: a self-test
 *
 * Returns: (transfer none) (nullable): the parts chosen, by id
 */
const char * const *
nichiro_self_test_get_parts (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NULL);

  return (const char * const *) self->parts;
}

/**
 * nichiro_self_test_set_choice:
 * @self: a self-test
 * @choice: which cards sessions show
 * @parts: (nullable): the part ids, for %NICHIRO_SELF_TEST_CHOICE_PARTS;
 *   ids the dataset does not have choose nothing
 */
void
nichiro_self_test_set_choice (NichiroSelfTest       *self,
                              NichiroSelfTestChoice  choice,
                              const char * const    *parts)
{
  gboolean same_parts;

  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));
  g_return_if_fail (choice <= NICHIRO_SELF_TEST_CHOICE_STUDIED);

  same_parts = (parts == NULL && self->parts == NULL) ||
               (parts != NULL && self->parts != NULL && g_strv_equal (parts, (const char * const *) self->parts));
  if (self->choice == choice && same_parts)
    return;

  if (self->choice != choice)
    {
      self->choice = choice;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOICE]);
    }
  if (!same_parts)
    {
      GStrv copy = g_strdupv ((char **) parts);

      g_strfreev (self->parts);
      self->parts = copy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTS]);
    }

  schedule_update (self);
}

/**
 * nichiro_self_test_set_clock:
 * @self: a self-test
 * @clock: (nullable): what tells the time; %NULL for the real time
 * @user_data: passed to @clock
 *
 * For tests: a session at a time of the test's choosing.
 */
void
nichiro_self_test_set_clock (NichiroSelfTest      *self,
                             NichiroSelfTestClock  clock,
                             gpointer              user_data)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));

  self->clock = clock != NULL ? clock : real_time_clock;
  self->clock_data = user_data;
  schedule_update (self);
}

/**
 * nichiro_self_test_set_time_zone:
 * @self: a self-test
 * @time_zone: (nullable): the learner's time zone; %NULL for the local one
 *
 * Sets where days begin, for what is due today and for the intervals the
 * scheduler counts in days.
 */
void
nichiro_self_test_set_time_zone (NichiroSelfTest *self,
                                 GTimeZone       *time_zone)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST (self));

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  nichiro_fsrs_set_time_zone (self->fsrs, self->time_zone);
  schedule_update (self);
}

/**
 * nichiro_self_test_get_time_zone:
 * @self: a self-test
 *
 * Returns: (transfer none): the learner's time zone
 */
GTimeZone *
nichiro_self_test_get_time_zone (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NULL);

  return self->time_zone;
}

gint64
nichiro_self_test_get_now (NichiroSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), 0);

  return self->clock (self->clock_data);
}

/**
 * nichiro_self_test_get_day_start:
 * @self: a self-test
 * @offset_days: 0 for today, 1 for tomorrow…
 *
 * Returns: the local midnight that starts the day @offset_days from
 *   today, in µs since the epoch
 */
gint64
nichiro_self_test_get_day_start (NichiroSelfTest *self,
                                 int              offset_days)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), 0);

  return nichiro_review_day_start (nichiro_self_test_get_now (self), self->time_zone, offset_days);
}

/**
 * nichiro_self_test_dup_chosen_cards:
 * @self: a self-test
 *
 * Returns: (transfer container) (element-type NichiroCard): the cards of
 *   the reader's choice, in the set's order (entries by date), which is
 *   the order new cards come in
 */
GPtrArray *
nichiro_self_test_dup_chosen_cards (NichiroSelfTest *self)
{
  NichiroCardSet *cards;

  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self), NULL);

  cards = nichiro_self_test_get_cards (self);
  switch (self->choice)
    {
    case NICHIRO_SELF_TEST_CHOICE_PARTS:
      {
        static const char * const none[] = { NULL };

        return nichiro_card_set_select_parts (cards, self->parts != NULL ? (const char * const *) self->parts : none);
      }

    case NICHIRO_SELF_TEST_CHOICE_STUDIED:
      {
        g_autoptr(GHashTable) studied = g_hash_table_new (g_str_hash, g_str_equal);
        g_autoptr(GPtrArray) entries = NULL;

        if (self->store != NULL)
          entries = nichiro_study_store_filter (self->store, self->dataset, NICHIRO_STUDY_FILTER_STUDIED);
        for (guint i = 0; entries != NULL && i < entries->len; i++)
          g_hash_table_add (studied, (char *) nichiro_entry_get_id (g_ptr_array_index (entries, i)));

        return nichiro_card_set_select_entries (cards, studied);
      }

    case NICHIRO_SELF_TEST_CHOICE_ALL:
    default:
      return nichiro_card_set_select_parts (cards, NULL);
    }
}

/**
 * nichiro_self_test_format_interval:
 * @interval: a length of time, in µs
 *
 * Returns: (transfer full): the interval as a grade button shows it:
 *   "1 min", "10 min", "3 h", "4 days", "2.5 months", "1.2 years"
 */
char *
nichiro_self_test_format_interval (gint64 interval)
{
  gint64 minutes = MAX (interval, 0) / (60 * G_USEC_PER_SEC);
  double days = (double) MAX (interval, 0) / NICHIRO_FSRS_USEC_PER_DAY;

  if (minutes < 60)
    {
      guint n = (guint) MAX (minutes, 1);

      /* Translators: an interval until a card comes back, on a grade button */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", n), n);
    }

  if (minutes < 24 * 60)
    {
      guint n = (guint) ((minutes + 30) / 60);

      /* Translators: an interval until a card comes back, on a grade button */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u h", "%u h", n), n);
    }

  if (days < 30.5)
    {
      guint n = (guint) MAX (lround (days), 1);

      /* Translators: an interval until a card comes back, on a grade button */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n), n);
    }

  if (days < 365)
    {
      double months = days / (365.25 / 12);

      /* Translators: an interval until a card comes back, in months with one decimal */
      return g_strdup_printf (_("%.1f months"), months);
    }

  /* Translators: an interval until a card comes back, in years with one decimal */
  return g_strdup_printf (_("%.1f years"), days / 365.25);
}
