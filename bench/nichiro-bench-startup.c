/* nichiro-bench-startup.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-bench"

#include "config.h"

#include "nichiro-bench-report.h"
#include "nichiro-bench-startup.h"

#include <gio/gio.h>
#include <glib-unix.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Start-up to the first frame: Nichiro and a bare libadwaita window, each
 * run as a child process on a private bus, alternately. */

extern char **environ;

#define STARTUP_WARMUPS 2
#define STARTUP_CHILD_TIMEOUT_S 20

typedef struct
{
  double wall_ms;
  double peak_rss_mib;
} ChildRun;

/* Helpers: child processes */

/* Spawns @argv in a process group of its own, with the signal mask
 * cleared (this process blocks SIGCHLD) and its stdout sent to @stdout_fd,
 * or to our stderr so that our stdout holds only figures; its stderr is
 * ours unless @quiet. */
static gboolean
spawn_process (const char * const  *argv,
               char               **envp,
               int                  stdout_fd,
               gboolean             quiet,
               GPid                *out_pid,
               GError             **error)
{
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  sigset_t empty;
  pid_t pid;
  int status;

  sigemptyset (&empty);
  posix_spawnattr_init (&attr);
  posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setsigmask (&attr, &empty);
  posix_spawnattr_setpgroup (&attr, 0);

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, stdout_fd >= 0 ? stdout_fd : STDERR_FILENO, STDOUT_FILENO);
  if (quiet)
    posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

  status = posix_spawn (&pid, argv[0], &actions, &attr, (char * const *) argv, envp);

  posix_spawn_file_actions_destroy (&actions);
  posix_spawnattr_destroy (&attr);

  if (status != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (status),
                   "cannot run %s: %s", argv[0], g_strerror (status));
      return FALSE;
    }

  *out_pid = pid;
  return TRUE;
}

/* Waits for @pid to exit, for at most @timeout_us; on time-out, kills its
 * process group. SIGCHLD is blocked in this process, so sigtimedwait()
 * wakes as soon as a child exits. */
static gboolean
wait_process (GPid            pid,
              gint64          timeout_us,
              struct rusage  *usage,
              GError        **error)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;
  sigset_t chld;
  int status;

  sigemptyset (&chld);
  sigaddset (&chld, SIGCHLD);

  for (;;)
    {
      pid_t result = wait4 (pid, &status, WNOHANG, usage);
      gint64 remaining;
      struct timespec timeout;

      if (result == pid)
        break;

      if (result < 0 && errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "waiting for process %d: %s", (int) pid, g_strerror (saved_errno));
          return FALSE;
        }

      remaining = deadline - g_get_monotonic_time ();
      if (remaining <= 0)
        {
          kill (-pid, SIGKILL);
          kill (pid, SIGKILL);
          wait4 (pid, &status, 0, usage);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "did not exit within %d s; killed", (int) (timeout_us / G_USEC_PER_SEC));
          return FALSE;
        }

      timeout.tv_sec = remaining / G_USEC_PER_SEC;
      timeout.tv_nsec = (remaining % G_USEC_PER_SEC) * 1000;
      sigtimedwait (&chld, NULL, &timeout);
    }

  if (WIFSIGNALED (status))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "killed by signal %d (%s)", WTERMSIG (status), g_strsignal (WTERMSIG (status)));
      return FALSE;
    }

  if (WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "exited with status %d", WEXITSTATUS (status));
      return FALSE;
    }

  return TRUE;
}

static gboolean
time_program (const char  *path,
              char       **envp,
              ChildRun    *run,
              GError     **error)
{
  const char *argv[] = { path, NULL };
  struct rusage usage = { 0, };
  gint64 start;
  GPid pid;

  bench_reset_peak_rss ();

  start = g_get_monotonic_time ();
  if (!spawn_process (argv, envp, -1, FALSE, &pid, error))
    return FALSE;

  if (!wait_process (pid, STARTUP_CHILD_TIMEOUT_S * G_USEC_PER_SEC, &usage, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  run->wall_ms = bench_elapsed_ms (start);
  run->peak_rss_mib = usage.ru_maxrss / 1024.0;   /* KiB on Linux */
  return TRUE;
}

/* Starts a private session bus for the programs under test, so that they
 * run as on a desktop (a bus already there) without touching the user's
 * session or a running Nichiro, and without each run paying for a new
 * dbus-daemon as dbus-run-session would. Returns the address. */
static char *
start_private_bus (GPid    *out_pid,
                   GError **error)
{
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");
  g_autoptr(GString) address = g_string_new (NULL);
  const char *argv[] = { NULL, "--session", "--nofork", "--nopidfile", "--print-address", NULL };
  struct rusage usage;
  int fds[2];
  char buffer[256];
  gssize n_read;
  GPid pid;

  if (daemon == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "dbus-daemon is not installed");
      return NULL;
    }

  argv[0] = daemon;
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return NULL;

  if (!spawn_process (argv, environ, fds[1], TRUE, &pid, error))
    {
      close (fds[0]);
      close (fds[1]);
      return NULL;
    }
  close (fds[1]);

  while (strchr (address->str, '\n') == NULL &&
         (n_read = read (fds[0], buffer, sizeof buffer)) != 0)
    {
      if (n_read > 0)
        g_string_append_len (address, buffer, n_read);
      else if (errno != EINTR)
        break;
    }
  close (fds[0]);

  g_strstrip (address->str);
  if (address->str[0] == '\0')
    {
      kill (pid, SIGTERM);
      wait_process (pid, 5 * G_USEC_PER_SEC, &usage, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "dbus-daemon printed no address");
      return NULL;
    }

  *out_pid = pid;
  return g_strdup (address->str);
}

static void
stop_private_bus (GPid pid)
{
  struct rusage usage;

  kill (pid, SIGTERM);
  wait_process (pid, 5 * G_USEC_PER_SEC, &usage, NULL);
}


/* Times both programs alternately with @renderer, so that whatever else
 * the machine does falls on both alike, and reports the figures. */
static gboolean
time_startup (guint        iterations,
              const char  *app_path,
              const char  *bare_path,
              char       **envp,
              const char  *renderer,
              const char  *bus)
{
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  double app_p50, bare_p50, app_peak, bare_peak, ratio, delta;
  BenchReport report;

  envp = g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", renderer, TRUE);
  if (g_str_equal (renderer, "cairo"))
    envp = g_environ_setenv (envp, "GDK_DEBUG", "gl-disable", TRUE);

  bench_trim_heap ();
  for (guint i = 0; i < STARTUP_WARMUPS + iterations; i++)
    {
      ChildRun app_run, bare_run;

      if (!time_program (app_path, envp, &app_run, &error) ||
          !time_program (bare_path, envp, &bare_run, &error))
        {
          bench_report_error ("startup", error->message);
          g_strfreev (envp);
          return FALSE;
        }

      if (i < STARTUP_WARMUPS)
        continue;

      g_array_append_val (app_ms, app_run.wall_ms);
      g_array_append_val (bare_ms, bare_run.wall_ms);
      g_array_append_val (app_rss, app_run.peak_rss_mib);
      g_array_append_val (bare_rss, bare_run.peak_rss_mib);
    }
  g_strfreev (envp);

  g_array_sort (app_rss, bench_compare_doubles);
  g_array_sort (bare_rss, bench_compare_doubles);

  bench_report_begin (&report, "startup");
  bench_report_add_string (&report, "renderer", renderer);
  bench_report_add_uint (&report, "n", app_ms->len);
  bench_report_add_samples (&report, "app_", app_ms);
  bench_report_add_samples (&report, "bare_", bare_ms);
  app_p50 = bench_percentile (app_ms, 0.5);
  bare_p50 = bench_percentile (bare_ms, 0.5);
  app_peak = bench_percentile (app_rss, 0.5);
  bare_peak = bench_percentile (bare_rss, 0.5);
  ratio = app_p50 / bare_p50;
  delta = app_peak - bare_peak;
  bench_report_add_double (&report, "ratio", ratio);
  bench_report_add_double (&report, "app_peak_rss_mib", app_peak);
  bench_report_add_double (&report, "bare_peak_rss_mib", bare_peak);
  bench_report_add_double (&report, "rss_delta_mib", delta);
  bench_report_add_double (&report, "bench_rss_mib", bench_current_rss_mib ());
  bench_report_add_string (&report, "bus", bus);
  bench_report_add_double (&report, "budget_ratio", 1.3);
  bench_report_add_double (&report, "budget_rss_delta_mib", 25.0);
  bench_report_add_bool (&report, "ok", ratio <= 1.3 && delta <= 25.0);
  bench_report_end (&report);

  return TRUE;
}

/* Removes the private data folder and whatever the runs left in it. */
static void
remove_data_home (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_data_home (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Start-up to the first frame, Nichiro against a bare libadwaita window,
 * with GTK's GL renderer and with cairo. Nichiro starts as on a fresh
 * profile: a data folder of its own, so no study file from an earlier run
 * puts an entry in the first frame. */
gboolean
bench_startup (guint        iterations,
               const char  *app_path,
               const char  *bare_path,
               gboolean     use_bus)
{
  static const char *renderers[] = { "gl", "cairo" };
  g_autoptr(GError) error = NULL;
  g_autofree char *bus_address = NULL;
  g_autofree char *data_home = NULL;
  g_auto(GStrv) envp = NULL;
  const char *bus = "none";
  GPid bus_pid = 0;
  gboolean done = TRUE;
  BenchReport report;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      bench_report_begin (&report, "startup");
      bench_report_add_string (&report, "skipped", "no display");
      bench_report_end (&report);
      return TRUE;
    }

  if (app_path == NULL || bare_path == NULL)
    {
      bench_report_error ("startup", "the GUI programs were not built; pass --app and --bare");
      return FALSE;
    }

  data_home = g_dir_make_tmp ("nichiro-bench-XXXXXX", &error);
  if (data_home == NULL)
    {
      bench_report_error ("startup", error->message);
      return FALSE;
    }

  if (use_bus)
    {
      bus_address = start_private_bus (&bus_pid, &error);
      if (bus_address != NULL)
        bus = "private";
      else
        g_printerr ("nichiro-bench: running without a session bus: %s\n", error->message);
      g_clear_error (&error);
    }

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "NICHIRO_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "ADW_DISABLE_PORTAL", "1", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  /* Without a bus of ours, an address that cannot connect: GApplication
   * then runs on its own, and GDBus does not autolaunch a daemon that would
   * outlive the run. */
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS",
                           bus_address ? bus_address : "unix:path=/nonexistent/nichiro-bench-no-bus",
                           TRUE);

  for (guint r = 0; done && r < G_N_ELEMENTS (renderers); r++)
    done = time_startup (iterations, app_path, bare_path, envp, renderers[r], bus);

  if (bus_pid != 0)
    stop_private_bus (bus_pid);
  remove_data_home (data_home);

  return done;
}
