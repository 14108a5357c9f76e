/* nichiro-ui-utils.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-ui-utils"

#include "config.h"

#include <glib/gi18n.h>

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

typedef struct
{
  GCallback callback;
  GWeakRef object;
} AfterFrame;

static void
after_frame_free (gpointer data)
{
  AfterFrame *after = data;

  g_weak_ref_clear (&after->object);
  g_free (after);
}

static gboolean
after_frame_idle_cb (gpointer data)
{
  AfterFrame *after = data;
  g_autoptr(GObject) object = g_weak_ref_get (&after->object);

  if (object != NULL)
    ((void (*) (GObject *)) after->callback) (object);

  return G_SOURCE_REMOVE;
}

static AfterFrame *
after_frame_new (GCallback  callback,
                 GObject   *object)
{
  AfterFrame *after = g_new0 (AfterFrame, 1);

  after->callback = callback;
  g_weak_ref_init (&after->object, object);
  return after;
}

/* Each step owns its copy, freed when its handler goes, so that nothing
 * is left behind by a window closed before it painted. */
static void
after_frame_paint_cb (GdkFrameClock *frame_clock,
                      AfterFrame    *after)
{
  g_autoptr(GObject) object = g_weak_ref_get (&after->object);
  guint source;

  if (object != NULL)
    {
      source = g_idle_add_full (G_PRIORITY_LOW, after_frame_idle_cb,
                                after_frame_new (after->callback, object), after_frame_free);
      g_source_set_name_by_id (source, "[nichiro] after the first frame");
    }
  g_signal_handlers_disconnect_by_func (frame_clock, after_frame_paint_cb, after);
}

static void
after_frame_map_cb (GtkWidget  *widget,
                    AfterFrame *after)
{
  g_autoptr(GObject) object = g_weak_ref_get (&after->object);

  if (object != NULL)
    g_signal_connect_data (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (after_frame_paint_cb),
                           after_frame_new (after->callback, object), (GClosureNotify) after_frame_free, 0);
  g_signal_handlers_disconnect_by_func (widget, after_frame_map_cb, after);
}

/**
 * nichiro_after_first_frame:
 * @widget: a widget not yet shown
 * @callback: called with @object as its only argument
 * @object: what @callback is called with; not called if it is gone
 *
 * Calls @callback once @widget has painted its first frame and the main
 * loop has nothing more urgent to do: for work a window needs soon but
 * not for its first frame.
 */
void
nichiro_after_first_frame (GtkWidget *widget,
                           GCallback  callback,
                           gpointer   object)
{
  AfterFrame *after;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (callback != NULL);
  g_return_if_fail (G_IS_OBJECT (object));

  after = after_frame_new (callback, object);
  g_signal_connect_data (widget, "map", G_CALLBACK (after_frame_map_cb), after,
                         (GClosureNotify) after_frame_free, 0);
  if (gtk_widget_get_mapped (widget))
    after_frame_map_cb (widget, after);
}

/**
 * nichiro_name_by_label:
 * @label: a label with a mnemonic, inside a button
 *
 * Names the button @label is in by the label's text, for screen readers:
 * GTK 4.8 gives a button whose child is not its own label no name at all,
 * and one made with a mnemonic label the text twice, underscore and all.
 * The name leaves out what else the button shows (the key beside "Show
 * Answer").
 */
void
nichiro_name_by_label (GtkLabel *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_LABEL (label));

  button = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON);
  g_return_if_fail (button != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (label), -1);
}

/**
 * nichiro_announce:
 * @widget: the widget the message is about
 * @live_label: a label screen readers watch, for GTK older than 4.14
 * @message: what a screen reader should say
 *
 * Has a screen reader say @message: through gtk_accessible_announce()
 * where GTK has it (4.14), and otherwise by setting @live_label, which is
 * a status region, so that its change is announced.
 */
void
nichiro_announce (GtkWidget  *widget,
                  GtkLabel   *live_label,
                  const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_LABEL (live_label));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (live_label, message);
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
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
 * Shows @toast in the toast overlay @widget is in, if it is in one, or
 * that is the content of @widget, a window.
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
  /* A window whose content is the overlay, as the main window's is. */
  if (overlay == NULL && ADW_IS_APPLICATION_WINDOW (widget) &&
      ADW_IS_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget))))
    overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget));
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

/**
 * nichiro_dup_markup_free:
 * @text: plain text
 *
 * @text for a place that takes Pango markup and cannot be told otherwise
 * (a status page's description; a toast's or a banner's title before
 * libadwaita 1.4): an "&" or a "<" in a file name would otherwise blank
 * it, or be read as markup.
 *
 * Returns: (transfer full): @text escaped
 */
char *
nichiro_dup_markup_free (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_markup_escape_text (text, -1);
}

/**
 * nichiro_toast_new:
 * @text: what the toast says, as plain text: a path or an error message
 *   is shown as it is written
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
nichiro_toast_new (const char *text)
{
  AdwToast *toast;

  g_return_val_if_fail (text != NULL, NULL);

#if ADW_CHECK_VERSION (1, 4, 0)
  toast = adw_toast_new (text);
  adw_toast_set_use_markup (toast, FALSE);
#else
  {
    /* Before libadwaita 1.4 a toast's title is always markup. */
    g_autofree char *escaped = nichiro_dup_markup_free (text);

    toast = adw_toast_new (escaped);
  }
#endif

  return toast;
}

static void
show_in_files_failed (GtkWidget    *widget,
                      GFile        *file,
                      const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = g_strdup_printf (_("“%s” could not be shown in Files: %s"), name, error->message);

  if (widget == NULL || !nichiro_widget_add_toast (widget, nichiro_toast_new (message)))
    g_warning ("%s", message);
}

typedef struct
{
  GWeakRef widget;
  GFile *file;
} ShowInFiles;

static void
show_in_files_free (ShowInFiles *show)
{
  g_weak_ref_clear (&show->widget);
  g_clear_object (&show->file);
  g_free (show);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowInFiles, show_in_files_free)

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_containing_folder_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(ShowInFiles) show = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&show->widget);
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_open_containing_folder_finish (GTK_FILE_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    show_in_files_failed (widget, show->file, error);
}
#else
static void
show_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ShowInFiles) show = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&show->widget);
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    show_in_files_failed (widget, show->file, error);
}

/* Without a file manager on the bus, the folder opens in whatever shows
 * folders, through the OpenURI portal inside a sandbox. */
static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ShowInFiles) show = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&show->widget);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  if (source != NULL)
    reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply != NULL || widget == NULL)
    return;
  g_debug ("No file manager showed %s: %s", g_file_peek_path (show->file), error ? error->message : "no bus");

  folder = g_file_get_parent (show->file);
  uri = g_file_get_uri (folder != NULL ? folder : show->file);
  root = gtk_widget_get_root (widget);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME, NULL,
                     show_uri_cb, g_steal_pointer (&show));
}
#endif

/**
 * nichiro_show_in_files:
 * @widget: the widget the reader asked from, for the window and for a
 *   toast if it fails
 * @file: a file
 *
 * Opens the folder of @file in the file manager with @file selected:
 * through GtkFileLauncher from GTK 4.10, through the file manager's
 * org.freedesktop.FileManager1 interface before (and the folder alone if
 * there is none). A failure is said in a toast.
 */
void
nichiro_show_in_files (GtkWidget *widget,
                       GFile     *file)
{
  ShowInFiles *show;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));

  show = g_new0 (ShowInFiles, 1);
  g_weak_ref_init (&show->widget, widget);
  show->file = g_object_ref (file);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
    GtkRoot *root = gtk_widget_get_root (widget);

    gtk_file_launcher_open_containing_folder (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                              open_containing_folder_cb, show);
  }
#else
  {
    g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
    g_autofree char *uri = g_file_get_uri (file);
    const char *uris[] = { uri, NULL };

    if (bus == NULL)
      {
        show_items_cb (NULL, NULL, show);
        return;
      }

    g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                            "org.freedesktop.FileManager1", "ShowItems",
                            g_variant_new ("(^ass)", uris, ""), NULL,
                            G_DBUS_CALL_FLAGS_NONE, 10000, NULL, show_items_cb, show);
  }
#endif
}
