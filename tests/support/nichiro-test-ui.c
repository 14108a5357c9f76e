/* nichiro-test-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nichiro-application.h"
#include "nichiro-test-ui.h"

/**
 * nichiro_test_find_matching:
 * @root: where to look
 * @match: says whether a widget is the one
 * @data: passed to @match
 *
 * Returns: (transfer none) (nullable): the first widget under @root, depth
 *   first, that @match accepts
 */
GtkWidget *
nichiro_test_find_matching (GtkWidget              *root,
                            NichiroTestWidgetMatch  match,
                            gconstpointer           data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;

      found = nichiro_test_find_matching (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GType type;
  const char *label_text;
} TypeQuery;

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  const TypeQuery *query = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, query->type) &&
         (query->label_text == NULL ||
          (GTK_IS_LABEL (widget) &&
           g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), query->label_text) == 0));
}

/**
 * nichiro_test_find_widget:
 * @root: where to look
 * @type: the type of widget wanted
 * @label_text: (nullable): for labels, the text it must show
 *
 * Returns: (transfer none) (nullable): the first such widget under @root
 */
GtkWidget *
nichiro_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *label_text)
{
  TypeQuery query = { type, label_text };

  return nichiro_test_find_matching (root, is_of_type, &query);
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/**
 * nichiro_test_find_shown_label:
 * @root: where to look
 * @text: what the label says
 *
 * Returns: (transfer none) (nullable): a label under @root showing @text
 *   that is on screen; hidden ones saying the same, and one in a menu
 *   not open, are passed over
 */
GtkWidget *
nichiro_test_find_shown_label (GtkWidget  *root,
                               const char *text)
{
  return nichiro_test_find_matching (root, is_shown_label, text);
}

/* Lists the labels on screen, to say what the window showed instead. */
void
nichiro_test_print_labels (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_is_drawable (child))
        g_printerr ("  label: “%s”\n", gtk_label_get_text (GTK_LABEL (child)));
      nichiro_test_print_labels (child);
    }
}

/**
 * nichiro_test_wait_for:
 * @root: (nullable): the window waited on, whose labels are printed if
 *   the wait fails
 * @done: says whether the window shows what is waited for
 * @data: passed to @done
 *
 * Runs the main loop until @done says so. The bound only turns a hang
 * into a failure; it measures nothing.
 */
void
nichiro_test_wait_for (GtkWidget  *root,
                       gboolean  (*done) (gpointer data),
                       gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          if (root != NULL)
            nichiro_test_print_labels (root);
          g_error ("timed out waiting for the window");
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return nichiro_test_find_shown_label (wait->root, wait->text) != NULL;
}

/**
 * nichiro_test_wait_for_label:
 * @root: the window or widget waited on
 * @text: what a label in it must show
 */
void
nichiro_test_wait_for_label (GtkWidget  *root,
                             const char *text)
{
  LabelWait wait = { root, text };

  nichiro_test_wait_for (root, label_shown, &wait);
}

/**
 * nichiro_test_init_display:
 *
 * Opens the display (the private Xvfb that tests/xvfb-test.sh starts) and
 * sets libadwaita up, after g_test_init().
 *
 * Returns: %FALSE, having said why, when there is no display
 */
gboolean
nichiro_test_init_display (void)
{
  if (!gtk_init_check ())
    {
      g_printerr ("No display: the UI tests need one (meson test runs them under tests/xvfb-test.sh).\n");
      return FALSE;
    }

  adw_init ();
  return TRUE;
}

/**
 * nichiro_test_application_new:
 *
 * The real application class, registered without an id so that it stays
 * off the session bus; it loads its style sheets itself, as it does with one.
 *
 * Returns: (transfer full): the application
 */
NichiroApplication *
nichiro_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  NichiroApplication *app = g_object_new (NICHIRO_TYPE_APPLICATION,
                                          "flags", G_APPLICATION_NON_UNIQUE,
                                          NULL);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}
