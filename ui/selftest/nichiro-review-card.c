/* nichiro-review-card.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review-card"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "nichiro-review-card.h"
#include "nichiro-ui-utils.h"

/* One card of a review session at a time, two keys a card: Space (or
 * Enter) shows the answer, 1 to 4 grade it, each grade button saying when
 * the card would come back. Once the answer is shown the card's entry is
 * selected, so the timeline highlights it among its neighbours, and O
 * opens it. Everything is said to a screen reader as it happens: the
 * focus moves to the question, then to the answer, and each change is
 * announced. The view only shows the NichiroReviewSession and writes the
 * reader's keys to it. */

struct _NichiroReviewCard
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  NichiroReviewSession *review_session;
  GSignalGroup *review_signals;

  GtkWidget *scroller;
  GtkLabel *progress_label;
  GtkLabel *kind_label;
  GtkProgressBar *progress_bar;
  GtkLabel *prompt_label;
  GtkButton *show_button;
  GtkLabel *show_label;
  GtkWidget *answer_box;
  GtkLabel *answer_label;
  GtkLabel *detail_label;
  GtkButton *open_button;
  AdwButtonContent *open_content;
  GtkWidget *grade_box;
  GtkLabel *status_label;
  GtkButton *grade_buttons[4];
  GtkLabel *interval_labels[4];
};

G_DEFINE_FINAL_TYPE (NichiroReviewCard, nichiro_review_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_REVIEW_SESSION,
  N_PROPS
};

enum {
  OPEN_ENTRY,
  GRADE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct
{
  const char *name;        /* with its mnemonic */
  const char *style;
} grades[4] = {
  { N_("_Again"), "nichiro-grade-again" },
  { N_("_Hard"), "nichiro-grade-hard" },
  { N_("_Good"), "nichiro-grade-good" },
  { N_("_Easy"), "nichiro-grade-easy" },
};

/* Helpers */

static NichiroLanguage
language (NichiroReviewCard *self)
{
  return self->session != NULL ? nichiro_session_get_title_language (self->session) : NICHIRO_LANGUAGE_EN;
}

static const char *
grade_name (NichiroRating rating)
{
  static char *names[4];

  /* Without the mnemonic, for what is said and shown in sentences. */
  if (names[rating - 1] == NULL)
    {
      g_autoptr(GString) name = g_string_new (_(grades[rating - 1].name));

      g_string_replace (name, "_", "", 0);
      names[rating - 1] = g_string_free (g_steal_pointer (&name), FALSE);
    }

  return names[rating - 1];
}

static NichiroCard *
current_card (NichiroReviewCard *self)
{
  return self->review_session ? nichiro_review_session_get_card (self->review_session) : NULL;
}

static NichiroReviewSessionState
current_state (NichiroReviewCard *self)
{
  return self->review_session ? nichiro_review_session_get_state (self->review_session)
                              : NICHIRO_REVIEW_SESSION_DONE;
}

static void
announce (NichiroReviewCard *self,
          const char        *message)
{
  nichiro_announce (GTK_WIDGET (self), self->status_label, message);
}

/* The question and the answer are selectable labels, which can take the
 * focus (and be copied); taking it, they select nothing. */
static void
focus_label (GtkLabel *label)
{
  gtk_widget_grab_focus (GTK_WIDGET (label));
  gtk_label_select_region (label, 0, 0);
}

/* The answer and the grades keep their place, hidden, until the answer is
 * shown: GTK 4.8 tells a screen reader nothing of the focus of a widget
 * shown for the first time, so they are never hidden from it, only
 * empty, drawn transparent and (their actions disabled) out of reach. It
 * also spares the page a jump when the answer comes. */
static void
conceal (GtkWidget *widget,
         gboolean   concealed)
{
  if (concealed)
    gtk_widget_add_css_class (widget, "nichiro-concealed");
  else
    gtk_widget_remove_css_class (widget, "nichiro-concealed");
  gtk_widget_set_can_target (widget, !concealed);
}

static void
update_progress (NichiroReviewCard *self)
{
  g_autofree char *text = NULL;
  guint done, left;

  if (self->review_session == NULL)
    return;

  done = nichiro_review_session_get_n_done (self->review_session);
  left = nichiro_review_session_get_n_left (self->review_session);

  /* Translators: the card shown and how many the session has in all */
  text = g_strdup_printf (_("Card %u of %u"), done + 1, done + left);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, done + left > 0 ? (double) done / (done + left) : 1.0);
}

/* The grade buttons say when the card would come back. */
static void
update_intervals (NichiroReviewCard *self)
{
  for (NichiroRating rating = NICHIRO_RATING_AGAIN; rating <= NICHIRO_RATING_EASY; rating++)
    {
      g_autofree char *interval = NULL;
      g_autofree char *label = NULL;
      g_autofree char *tooltip = NULL;

      interval = nichiro_self_test_format_interval (nichiro_review_session_preview (self->review_session, rating));
      gtk_label_set_text (self->interval_labels[rating - 1], interval);

      /* Translators: a grade button, for screen readers: "Good, next in 3 days" */
      label = g_strdup_printf (_("%s, next in %s"), grade_name (rating), interval);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_buttons[rating - 1]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      /* Translators: a grade button's tooltip: "Good (3): next in 3 days" */
      tooltip = g_strdup_printf (_("%s (%d): next in %s"), grade_name (rating), rating, interval);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->grade_buttons[rating - 1]), tooltip);
    }
}

/* The entry in context once the answer is out; before, the timeline
 * must not give the answer away. */
static void
show_entry_in_context (NichiroReviewCard *self,
                       gboolean           answered)
{
  NichiroCard *card = current_card (self);
  NichiroEntry *selected;

  if (self->session == NULL || card == NULL)
    return;

  if (answered)
    {
      nichiro_session_set_selected (self->session, nichiro_card_get_entry (card));
      return;
    }

  selected = nichiro_session_get_selected (self->session);
  if (selected != NULL)
    {
      GPtrArray *entries = nichiro_card_get_entries (card);

      for (guint i = 0; i < entries->len; i++)
        if (g_ptr_array_index (entries, i) == selected)
          nichiro_session_set_selected (self->session, NULL);
    }
}

static void
show_card (NichiroReviewCard *self)
{
  NichiroReviewSessionState state = current_state (self);
  NichiroCard *card = current_card (self);
  gboolean answered = state == NICHIRO_REVIEW_SESSION_ANSWER;
  NichiroLanguage lang = language (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", state == NICHIRO_REVIEW_SESSION_PROMPT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", answered);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.open-entry", answered);

  if (card == NULL)
    return;

  update_progress (self);
  gtk_label_set_text (self->kind_label, nichiro_card_type_get_label (nichiro_card_get_card_type (card)));
  gtk_label_set_text (self->prompt_label, nichiro_card_get_prompt (card, lang));
  gtk_widget_set_visible (GTK_WIDGET (self->show_button), !answered);
  conceal (self->answer_box, !answered);
  conceal (self->grade_box, !answered);
  gtk_widget_set_focusable (GTK_WIDGET (self->answer_label), answered);
  if (!answered)
    {
      /* Nothing of the last answer is left for a screen reader to find. */
      gtk_label_set_text (self->answer_label, "");
      gtk_label_set_text (self->detail_label, "");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->answer_label), GTK_ACCESSIBLE_PROPERTY_LABEL);
      adw_button_content_set_label (self->open_content, "");
    }

  /* The focus goes to the question, then to the answer: a screen reader
   * reads each as it comes, in every version of GTK. */
  if (!answered)
    {
      g_autofree char *name = NULL;

      show_entry_in_context (self, FALSE);
      /* Translators: the question's name for screen readers: "Card 3 of 12: When was … signed?" */
      name = g_strdup_printf (_("%s: %s"), gtk_label_get_text (self->progress_label),
                              nichiro_card_get_prompt (card, lang));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->prompt_label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        focus_label (self->prompt_label);
      return;
    }

  {
    const char *detail = nichiro_card_get_answer_detail (card, lang);
    NichiroEntry *entry = nichiro_card_get_entry (card);
    g_autofree char *open = NULL;
    g_autofree char *message = NULL;

    gtk_label_set_text (self->answer_label, nichiro_card_get_answer (card, lang));
    gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
    gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
    /* Translators: the button that opens the card's entry: "Open “Treaty of Portsmouth”" */
    open = g_strdup_printf (_("_Open “%s”"), self->session ? nichiro_session_get_title (self->session, entry)
                                                            : nichiro_entry_get_title (entry));
    adw_button_content_set_label (self->open_content, open);
    adw_button_content_set_use_underline (self->open_content, TRUE);
    update_intervals (self);

    show_entry_in_context (self, TRUE);
    /* Translators: the answer's name for screen readers: "Answer: 5 September 1905. …" */
    if (detail != NULL)
      message = g_strdup_printf (_("Answer: %s. %s"), nichiro_card_get_answer (card, lang), detail);
    else
      /* Translators: the answer's name for screen readers: "Answer: Preobrazhenskoye, near Moscow" */
      message = g_strdup_printf (_("Answer: %s"), nichiro_card_get_answer (card, lang));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_label), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
    if (gtk_widget_get_mapped (GTK_WIDGET (self)))
      focus_label (self->answer_label);
  }
}

/* Callbacks */

static void
state_changed_cb (NichiroReviewCard *self)
{
  show_card (self);
}

static void
title_language_changed_cb (NichiroReviewCard *self)
{
  show_card (self);
}

/* Actions */

static void
show_answer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NichiroReviewCard *self = NICHIRO_REVIEW_CARD (widget);

  if (current_state (self) == NICHIRO_REVIEW_SESSION_PROMPT)
    nichiro_review_session_show_answer (self->review_session);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NichiroReviewCard *self = NICHIRO_REVIEW_CARD (widget);
  NichiroRating rating = g_variant_get_int32 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *message = NULL;

  if (current_state (self) != NICHIRO_REVIEW_SESSION_ANSWER || rating < NICHIRO_RATING_AGAIN || rating > NICHIRO_RATING_EASY)
    return;

  interval = nichiro_self_test_format_interval (nichiro_review_session_preview (self->review_session, rating));
  if (!nichiro_review_session_grade (self->review_session, rating, &error))
    {
      announce (self, error->message);
      g_signal_emit (self, signals[GRADE_FAILED], 0, error);
      return;
    }

  /* Translators: what was done, said and shown after a grade: "Good: back in 3 days." */
  message = g_strdup_printf (_("%s: back in %s."), grade_name (rating), interval);
  announce (self, message);
}

static void
open_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NichiroReviewCard *self = NICHIRO_REVIEW_CARD (widget);
  NichiroCard *card = current_card (self);

  if (card != NULL && current_state (self) == NICHIRO_REVIEW_SESSION_ANSWER)
    g_signal_emit (self, signals[OPEN_ENTRY], 0, nichiro_card_get_entry (card));
}

/* GObject */

static void
nichiro_review_card_dispose (GObject *object)
{
  NichiroReviewCard *self = (NichiroReviewCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_REVIEW_CARD);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->review_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->review_session);

  G_OBJECT_CLASS (nichiro_review_card_parent_class)->dispose (object);
}

static void
nichiro_review_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NichiroReviewCard *self = NICHIRO_REVIEW_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_REVIEW_SESSION:
      g_value_set_object (value, self->review_session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_review_card_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NichiroReviewCard *self = NICHIRO_REVIEW_CARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_review_card_set_session (self, g_value_get_object (value));
      break;

    case PROP_REVIEW_SESSION:
      nichiro_review_card_set_review_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_review_card_class_init (NichiroReviewCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_review_card_dispose;
  object_class->get_property = nichiro_review_card_get_property;
  object_class->set_property = nichiro_review_card_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEW_SESSION] =
    g_param_spec_object ("review-session", NULL, NULL, NICHIRO_TYPE_REVIEW_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroReviewCard::open-entry:
   * @self: the view
   * @entry: the card's entry
   *
   * The reader asked to read the card's entry (O, or the button).
   */
  signals[OPEN_ENTRY] =
    g_signal_new ("open-entry",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NICHIRO_TYPE_ENTRY);

  /**
   * NichiroReviewCard::grade-failed:
   * @self: the view
   * @error: why the grade could not be kept
   */
  signals[GRADE_FAILED] =
    g_signal_new ("grade-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "review.show-answer", NULL, show_answer_action);
  gtk_widget_class_install_action (widget_class, "review.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "review.open-entry", NULL, open_entry_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-review-card.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, show_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, show_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, answer_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, answer_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, detail_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, open_button);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, open_content);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, grade_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroReviewCard, status_label);

  gtk_widget_class_set_css_name (widget_class, "nichiro-review-card");
}

static void
nichiro_review_card_init (NichiroReviewCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The grade buttons: the grade over its key and when the card comes
   * back. */
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new_with_mnemonic (_(grades[i].name));
      GtkWidget *interval = gtk_label_new (NULL);
      GtkWidget *button = gtk_button_new ();
      g_autofree char *key = g_strdup_printf ("%u", i + 1);
      GtkWidget *key_label = gtk_label_new (key);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_set_halign (top, GTK_ALIGN_CENTER);
      gtk_label_set_mnemonic_widget (GTK_LABEL (name), button);
      gtk_widget_add_css_class (key_label, "dim-label");
      gtk_widget_add_css_class (key_label, "caption");
      gtk_widget_add_css_class (interval, "caption");
      gtk_widget_add_css_class (interval, "numeric");
      gtk_box_append (GTK_BOX (top), name);
      gtk_box_append (GTK_BOX (top), key_label);
      gtk_box_append (GTK_BOX (box), top);
      gtk_box_append (GTK_BOX (box), interval);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.grade");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) (i + 1));
      gtk_widget_add_css_class (button, "nichiro-grade");
      gtk_widget_add_css_class (button, grades[i].style);
      gtk_box_append (GTK_BOX (self->grade_box), button);

      self->grade_buttons[i] = GTK_BUTTON (button);
      self->interval_labels[i] = GTK_LABEL (interval);
    }

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                 G_CALLBACK (title_language_changed_cb), self, G_CONNECT_SWAPPED);

  self->review_signals = g_signal_group_new (NICHIRO_TYPE_REVIEW_SESSION);
  g_signal_group_connect_object (self->review_signals, "notify::state",
                                 G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->review_signals, "notify::card",
                                 G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);

  nichiro_name_by_label (self->show_label);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.show-answer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.grade", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.open-entry", FALSE);
}

/* Public API */

GtkWidget *
nichiro_review_card_new (void)
{
  return g_object_new (NICHIRO_TYPE_REVIEW_CARD, NULL);
}

NichiroSession *
nichiro_review_card_get_session (NichiroReviewCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_CARD (self), NULL);

  return self->session;
}

/**
 * nichiro_review_card_set_session:
 * @self: the view
 * @session: (nullable): the session whose selection shows the card's
 *   entry, and whose title language names it
 */
void
nichiro_review_card_set_session (NichiroReviewCard *self,
                                 NichiroSession    *session)
{
  g_return_if_fail (NICHIRO_IS_REVIEW_CARD (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session,
                              self->session_signals, session))
    show_card (self);
}

NichiroReviewSession *
nichiro_review_card_get_review_session (NichiroReviewCard *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_CARD (self), NULL);

  return self->review_session;
}

/**
 * nichiro_review_card_set_review_session:
 * @self: the view
 * @review_session: (nullable): the session to show
 */
void
nichiro_review_card_set_review_session (NichiroReviewCard    *self,
                                        NichiroReviewSession *review_session)
{
  g_return_if_fail (NICHIRO_IS_REVIEW_CARD (self));
  g_return_if_fail (review_session == NULL || NICHIRO_IS_REVIEW_SESSION (review_session));

  if (!g_set_object (&self->review_session, review_session))
    return;

  g_signal_group_set_target (self->review_signals, review_session);
  gtk_label_set_text (self->status_label, "");
  show_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_SESSION]);
}

/**
 * nichiro_review_card_focus:
 * @self: the view
 *
 * Puts the focus on the question, or on the answer once it is shown, as
 * when the card came up.
 */
void
nichiro_review_card_focus (NichiroReviewCard *self)
{
  g_return_if_fail (NICHIRO_IS_REVIEW_CARD (self));

  if (current_state (self) == NICHIRO_REVIEW_SESSION_ANSWER)
    focus_label (self->answer_label);
  else if (current_state (self) == NICHIRO_REVIEW_SESSION_PROMPT)
    focus_label (self->prompt_label);
}

/**
 * nichiro_review_card_shows_entry:
 * @self: the view
 * @entry: an entry
 *
 * Returns: whether @entry is selected because the view shows it with the
 *   answer of its card (not because the reader chose it elsewhere)
 */
gboolean
nichiro_review_card_shows_entry (NichiroReviewCard *self,
                                 NichiroEntry      *entry)
{
  NichiroCard *card;

  g_return_val_if_fail (NICHIRO_IS_REVIEW_CARD (self), FALSE);

  card = current_card (self);
  return card != NULL && current_state (self) == NICHIRO_REVIEW_SESSION_ANSWER &&
         nichiro_card_get_entry (card) == entry;
}
