/* nichiro-self-test-button.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-self-test-button"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-self-test-button.h"

/* The way into the self-test, with the number of cards due: compact in
 * the header bar (an icon and the count), a row under the guide
 * (its name over the count in words). Both follow the session's
 * NichiroSelfTest, which counts once for every view, and activate
 * win.self-test. */

struct _NichiroSelfTestButton
{
  GtkButton parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;
  GSignalGroup *self_test_signals;
  gboolean compact;

  GtkWidget *text_box;
  GtkLabel *subtitle_label;
  GtkLabel *count_label;
};

G_DEFINE_FINAL_TYPE (NichiroSelfTestButton, nichiro_self_test_button, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (NichiroSelfTestButton *self)
{
  NichiroSelfTest *self_test = self->session ? nichiro_session_get_self_test (self->session) : NULL;
  gboolean prepared = self_test != NULL && nichiro_self_test_is_prepared (self_test);
  guint n_due = prepared ? nichiro_self_test_get_n_due (self_test) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n_due);
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_visible (self->text_box, !self->compact);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->compact && n_due > 0);
  gtk_label_set_text (self->count_label, count);

  if (!prepared)
    subtitle = g_strdup (_("Recall what you read"));
  else if (n_due == 0)
    subtitle = g_strdup (_("Nothing due today"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card due today", "%u cards due today", n_due), n_due);
  gtk_label_set_text (self->subtitle_label, subtitle);

  /* The two buttons are named apart, for whoever goes through the window
   * by name. */
  if (self->compact)
    /* Translators: the header bar's self-test button, its name and tooltip: "Self-test: 12 cards due today (Ctrl+T)" */
    name = g_strdup_printf (_("Self-test: %s (Ctrl+T)"), subtitle);
  else
    /* Translators: the guide's self-test row, its name: "Open the self-test: 12 cards due today" */
    name = g_strdup_printf (_("Open the self-test: %s"), subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
follow_self_test (NichiroSelfTestButton *self)
{
  g_signal_group_set_target (self->self_test_signals,
                             self->session ? nichiro_session_get_self_test (self->session) : NULL);
  update (self);
}

static void
nichiro_self_test_button_dispose (GObject *object)
{
  NichiroSelfTestButton *self = (NichiroSelfTestButton *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_SELF_TEST_BUTTON);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->self_test_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_self_test_button_parent_class)->dispose (object);
}

static void
nichiro_self_test_button_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  NichiroSelfTestButton *self = NICHIRO_SELF_TEST_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_self_test_button_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  NichiroSelfTestButton *self = NICHIRO_SELF_TEST_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_self_test_button_set_session (self, g_value_get_object (value));
      break;

    case PROP_COMPACT:
      nichiro_self_test_button_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_self_test_button_class_init (NichiroSelfTestButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_self_test_button_dispose;
  object_class->get_property = nichiro_self_test_button_get_property;
  object_class->set_property = nichiro_self_test_button_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSelfTestButton:compact:
   *
   * Whether the button shows only an icon and the count (the header bar),
   * or the self-test's name over the count in words (the guide).
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-self-test-button.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestButton, text_box);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestButton, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroSelfTestButton, count_label);
}

static void
nichiro_self_test_button_init (NichiroSelfTestButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);

  self->self_test_signals = g_signal_group_new (NICHIRO_TYPE_SELF_TEST);
  g_signal_group_connect_object (self->self_test_signals, "notify::n-due",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->self_test_signals, "notify::prepared",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

NichiroSession *
nichiro_self_test_button_get_session (NichiroSelfTestButton *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST_BUTTON (self), NULL);

  return self->session;
}

void
nichiro_self_test_button_set_session (NichiroSelfTestButton *self,
                                      NichiroSession        *session)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST_BUTTON (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session,
                              self->session_signals, session))
    follow_self_test (self);
}

gboolean
nichiro_self_test_button_get_compact (NichiroSelfTestButton *self)
{
  g_return_val_if_fail (NICHIRO_IS_SELF_TEST_BUTTON (self), FALSE);

  return self->compact;
}

void
nichiro_self_test_button_set_compact (NichiroSelfTestButton *self,
                                      gboolean               compact)
{
  g_return_if_fail (NICHIRO_IS_SELF_TEST_BUTTON (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
