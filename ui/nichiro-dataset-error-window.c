/* nichiro-dataset-error-window.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-dataset-error-window"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-dataset-error-window.h"

/* What a person sees when Nichiro is started from a launcher or a file
 * manager with a dataset it cannot read: on a terminal the same messages
 * go to stderr, but a launcher shows nobody stderr. The window lists the
 * problems where they are (FILE:LINE:COLUMN: JSON-PATH: what), which can
 * be selected and copied, and offers the bundled dataset instead
 * (app.open-bundled). */

struct _NichiroDatasetErrorWindow
{
  AdwApplicationWindow parent_instance;

  AdwStatusPage *status_page;
  GtkLabel *problems_label;
  GtkButton *bundled_button;
};

G_DEFINE_FINAL_TYPE (NichiroDatasetErrorWindow, nichiro_dataset_error_window, ADW_TYPE_APPLICATION_WINDOW)

static void
nichiro_dataset_error_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NICHIRO_TYPE_DATASET_ERROR_WINDOW);

  G_OBJECT_CLASS (nichiro_dataset_error_window_parent_class)->dispose (object);
}

static void
nichiro_dataset_error_window_class_init (NichiroDatasetErrorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_dataset_error_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nichiro/Nichiro/ui/nichiro-dataset-error-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroDatasetErrorWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, NichiroDatasetErrorWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroDatasetErrorWindow, bundled_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
nichiro_dataset_error_window_init (NichiroDatasetErrorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nichiro_dataset_error_window_new:
 * @application: the application, which has the app.open-bundled action
 * @file_name: the dataset's name as the reader gave it
 * @error: why it could not be opened: one located problem a line
 *
 * Returns: (transfer floating): the window
 */
GtkWidget *
nichiro_dataset_error_window_new (GtkApplication *application,
                                  const char     *file_name,
                                  const GError   *error)
{
  NichiroDatasetErrorWindow *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (NICHIRO_TYPE_DATASET_ERROR_WINDOW, "application", application, NULL);

  /* The status page's description is markup: the name is escaped. */
  description = g_markup_printf_escaped (_("Nichiro could not read “%s”. Correct what is listed below "
                                           "and open it again, or read the dataset that comes with Nichiro."),
                                         file_name);
  adw_status_page_set_description (self->status_page, description);
  gtk_label_set_text (self->problems_label, error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->bundled_button));

  return GTK_WIDGET (self);
}
