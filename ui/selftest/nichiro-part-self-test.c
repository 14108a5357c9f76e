/* nichiro-part-self-test.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-part-self-test"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-part-self-test.h"
#include "nichiro-ui-utils.h"

/* The self-test's section of a part's page: how many of the part's cards
 * are due today, never answered and in all, whatever the reader's choice,
 * and a button that makes the part the reader's choice and starts. It
 * follows the session's part and the self-test's changes itself, and is
 * hidden where there is no part or no study file to keep answers in. */

struct _NichiroPartSelfTest
{
  GtkWidget parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  GSignalGroup *self_test_signals;

  GtkLabel *counts_label;
  GtkLabel *start_label;
};

G_DEFINE_FINAL_TYPE (NichiroPartSelfTest, nichiro_part_self_test, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static NichiroSelfTest *
get_self_test (NichiroPartSelfTest *self)
{
  return self->session ? nichiro_session_get_self_test (self->session) : NULL;
}

static void
update (NichiroPartSelfTest *self)
{
  NichiroSelfTest *self_test = get_self_test (self);
  const char *part_id = self->session ? nichiro_session_get_part (self->session) : NULL;
  NichiroStudyStore *store = self->session ? nichiro_session_get_store (self->session) : NULL;
  NichiroSelfTestCounts counts;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), part_id != NULL && store != NULL);
  if (part_id == NULL || store == NULL)
    return;

  nichiro_self_test_count_part (self_test, part_id, &counts);
  /* Translators: a chapter part's cards in the self-test, on the part's page */
  text = g_strdup_printf (_("Due today: %u. Never answered: %u. In all: %u."), counts.due, counts.fresh, counts.total);
  gtk_label_set_text (self->counts_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "part-self-test.start",
                                 counts.total > 0 && !nichiro_study_store_get_read_only (store));
}

static void
follow_self_test (NichiroPartSelfTest *self)
{
  g_signal_group_set_target (self->self_test_signals, get_self_test (self));
  update (self);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NichiroPartSelfTest *self = NICHIRO_PART_SELF_TEST (widget);
  const char *part_id = self->session ? nichiro_session_get_part (self->session) : NULL;
  const char *parts[2] = { part_id, NULL };

  if (part_id == NULL)
    return;

  nichiro_self_test_set_choice (get_self_test (self), NICHIRO_SELF_TEST_CHOICE_PARTS, parts);
  gtk_widget_activate_action (widget, "win.self-test", NULL);
}

/* GObject */

static void
nichiro_part_self_test_dispose (GObject *object)
{
  NichiroPartSelfTest *self = (NichiroPartSelfTest *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_PART_SELF_TEST);
  /* The children with no field of their own too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->self_test_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_part_self_test_parent_class)->dispose (object);
}

static void
nichiro_part_self_test_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NichiroPartSelfTest *self = NICHIRO_PART_SELF_TEST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_part_self_test_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  NichiroPartSelfTest *self = NICHIRO_PART_SELF_TEST (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_part_self_test_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_part_self_test_class_init (NichiroPartSelfTestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_part_self_test_dispose;
  object_class->get_property = nichiro_part_self_test_get_property;
  object_class->set_property = nichiro_part_self_test_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "part-self-test.start", NULL, start_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-part-self-test.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroPartSelfTest, counts_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroPartSelfTest, start_label);

  gtk_widget_class_set_css_name (widget_class, "nichiro-part-self-test");
}

static void
nichiro_part_self_test_init (NichiroPartSelfTest *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  nichiro_name_by_label (self->start_label);

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::part",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::store",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  self->self_test_signals = g_signal_group_new (NICHIRO_TYPE_SELF_TEST);
  g_signal_group_connect_object (self->self_test_signals, "changed",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->self_test_signals, "notify::n-due",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
}

/* Public API */

GtkWidget *
nichiro_part_self_test_new (void)
{
  return g_object_new (NICHIRO_TYPE_PART_SELF_TEST, NULL);
}

/**
 * nichiro_part_self_test_get_session:
 * @self: a part's self-test section
 *
 * Returns: (transfer none) (nullable): the session whose part it counts
 */
NichiroSession *
nichiro_part_self_test_get_session (NichiroPartSelfTest *self)
{
  g_return_val_if_fail (NICHIRO_IS_PART_SELF_TEST (self), NULL);

  return self->session;
}

/**
 * nichiro_part_self_test_set_session:
 * @self: a part's self-test section
 * @session: (nullable): the session: its #NichiroSession:part is counted
 */
void
nichiro_part_self_test_set_session (NichiroPartSelfTest *self,
                                    NichiroSession      *session)
{
  g_return_if_fail (NICHIRO_IS_PART_SELF_TEST (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session,
                              self->session_signals, session))
    follow_self_test (self);
}
