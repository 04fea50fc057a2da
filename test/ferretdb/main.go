// Command ferretdb-test-wrapper runs FerretDB v1 with its SQLite handler for the test suites.
//
// It wraps the embeddable package instead of building cmd/ferretdb because that command
// panics at start-up when built from the module proxy (its build/version/version.txt is
// generated at release time and missing from the module).
package main

import (
	"context"
	"flag"
	"io"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	sqliteDir := flag.String("sqlite-dir", "", "existing directory for the SQLite files (required)")
	stopOnStdinClose := flag.Bool("stop-on-stdin-close", false, "stop when stdin closes (the parent died)")
	flag.Parse()

	if *sqliteDir == "" {
		log.Fatal("-sqlite-dir is required")
	}

	// FerretDB wants a directory URI ending in a slash; an absolute path keeps it unambiguous.
	dir, err := filepath.Abs(*sqliteDir)
	if err != nil {
		log.Fatal(err)
	}

	// Only warnings and errors: the info level logs every connection of every test.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listenAddr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *stopOnStdinClose {
		// A test runner killed without running its teardown must not leave FerretDB behind.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	if err := f.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
