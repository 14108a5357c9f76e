/* nichiro-detail-view.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-detail-view"

#include "config.h"

#include "nichiro-detail-view.h"
#include "nichiro-entry-page.h"

/* The selected entry, or a page that says none is: the entry's page
 * (NichiroEntryPage) is made when the first entry is shown, not for the
 * first frame. */

struct _NichiroDetailView
{
  AdwBin parent_instance;

  NichiroSession *session;
  GSignalGroup *session_signals;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  AdwClamp *clamp;
  NichiroEntryPage *page;    /* made when first needed */
};

G_DEFINE_FINAL_TYPE (NichiroDetailView, nichiro_detail_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
selected_changed_cb (NichiroDetailView *self)
{
  NichiroEntry *entry = self->session ? nichiro_session_get_selected (self->session) : NULL;

  if (entry == NULL)
    {
      if (self->page != NULL)
        nichiro_entry_page_set_entry (self->page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (self->page == NULL)
    {
      self->page = NICHIRO_ENTRY_PAGE (nichiro_entry_page_new (self->session));
      adw_clamp_set_child (self->clamp, GTK_WIDGET (self->page));
    }

  nichiro_entry_page_set_entry (self->page, entry);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_stack_set_visible_child_name (self->stack, "entry");
}

/* The same entry again, where the reader was in it. */
static void
title_language_changed_cb (NichiroDetailView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double position = gtk_adjustment_get_value (adjustment);

  selected_changed_cb (self);
  gtk_adjustment_set_value (adjustment, position);
}

static void
nichiro_detail_view_dispose (GObject *object)
{
  NichiroDetailView *self = (NichiroDetailView *)object;

  /* AdwBin keeps its own pointer to the child the template set: let it go
   * first, or disposing the template leaves AdwBin a dangling one. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_DETAIL_VIEW);
  self->page = NULL;
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nichiro_detail_view_parent_class)->dispose (object);
}

static void
nichiro_detail_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NichiroDetailView *self = NICHIRO_DETAIL_VIEW (object);

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
nichiro_detail_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NichiroDetailView *self = NICHIRO_DETAIL_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nichiro_detail_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_detail_view_class_init (NichiroDetailViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_detail_view_dispose;
  object_class->get_property = nichiro_detail_view_get_property;
  object_class->set_property = nichiro_detail_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NICHIRO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-detail-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, stack);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NichiroDetailView, clamp);
  gtk_widget_class_set_css_name (widget_class, "nichiro-detail-view");
}

static void
nichiro_detail_view_init (NichiroDetailView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::selected",
                                 G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                 G_CALLBACK (title_language_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * nichiro_detail_view_get_session:
 * @self: a detail view
 *
 * Returns: (transfer none) (nullable): the session whose selection is shown
 */
NichiroSession *
nichiro_detail_view_get_session (NichiroDetailView *self)
{
  g_return_val_if_fail (NICHIRO_IS_DETAIL_VIEW (self), NULL);

  return self->session;
}

void
nichiro_detail_view_set_session (NichiroDetailView *self,
                                 NichiroSession    *session)
{
  g_return_if_fail (NICHIRO_IS_DETAIL_VIEW (self));

  if (nichiro_session_follow (G_OBJECT (self), properties[PROP_SESSION], &self->session, self->session_signals, session))
    {
      /* A page shows the entries of one session. */
      if (self->page != NULL)
        {
          adw_clamp_set_child (self->clamp, NULL);
          self->page = NULL;
        }
      selected_changed_cb (self);
    }
}
