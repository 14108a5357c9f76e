/* nichiro-ui-utils.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-ui-utils"

#include "config.h"

#include "nichiro-ui-utils.h"

#include "nichiro-search.h"
#include "nichiro-search-hit.h"

#include <string.h>

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);
  if (app != NULL)
    g_application_quit (app);
}

static void
map_cb (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, map_cb, NULL);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

/**
 * nichiro_lookup_settings:
 *
 * The application's settings, when the schema is installed (or
 * GSETTINGS_SCHEMA_DIR points at the build's): a program run from an
 * unconfigured build simply starts with the defaults rather than aborting.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL
 */
GSettings *
nichiro_lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * nichiro_quit_after_first_frame:
 * @window: a window not yet shown
 *
 * Quits the application once @window has painted its first frame. The
 * start-up benchmark times the program and a bare window this way.
 */
void
nichiro_quit_after_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}

/**
 * nichiro_markup_link:
 * @uri: where the link goes
 * @text: the link's text, as plain text
 *
 * Returns: (transfer full): Pango markup for a link, both parts escaped
 */
char *
nichiro_markup_link (const char *uri,
                     const char *text)
{
  return g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
}

/**
 * nichiro_markup_highlight:
 * @text: plain text
 * @ranges: (element-type NichiroRange) (nullable): byte ranges of @text to
 *   highlight, in order and apart
 *
 * Returns: (transfer full): Pango markup of @text, escaped, with the ranges
 *   in bold
 */
char *
nichiro_markup_highlight (const char   *text,
                          const GArray *ranges)
{
  GString *markup = g_string_new (NULL);
  gsize length = strlen (text);
  gsize done = 0;

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const NichiroRange *range = &g_array_index (ranges, NichiroRange, i);
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (range->start < done || range->end > length || range->start >= range->end)
        continue;

      before = g_markup_escape_text (text + done, range->start - done);
      inside = g_markup_escape_text (text + range->start, range->end - range->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, inside);
      done = range->end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + done, length - done);

    g_string_append (markup, rest);
  }

  return g_string_free (markup, FALSE);
}

/**
 * nichiro_list_item_get_entry:
 * @item: an item of a list the window shows: an entry or a search hit
 *
 * Returns: (transfer none): the entry @item stands for
 */
NichiroEntry *
nichiro_list_item_get_entry (gpointer item)
{
  if (NICHIRO_IS_SEARCH_HIT (item))
    return nichiro_search_hit_get_entry (item);

  return item;
}

/**
 * nichiro_selection_show_entry:
 * @selection: a selection over entries or search hits
 * @entry: (nullable): the entry to show as selected
 *
 * Selects @entry's row in @selection, or nothing when @selection's list
 * does not have it.
 */
void
nichiro_selection_show_entry (GtkSingleSelection *selection,
                              NichiroEntry       *entry)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n_items = g_list_model_get_n_items (model);
  gpointer current = gtk_single_selection_get_selected_item (selection);

  if (current != NULL && nichiro_list_item_get_entry (current) == entry)
    return;

  for (guint i = 0; entry != NULL && i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (nichiro_list_item_get_entry (item) == entry)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
}

/**
 * nichiro_widget_add_toast:
 * @widget: a widget in a window
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the toast overlay @widget is in, if it is in one.
 *
 * Returns: whether the toast is shown
 */
gboolean
nichiro_widget_add_toast (GtkWidget *widget,
                          AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}
