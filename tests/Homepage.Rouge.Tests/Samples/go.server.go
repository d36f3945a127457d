// Package main serves the site.
package main

import (
	"fmt"
	"net/http"
)

/* Config holds
   the settings. */
type Config struct {
	Port  int    `json:"port"`
	Root  string // document root
	ratio float64
}

func (c *Config) Addr() string { return fmt.Sprintf(":%d", c.Port) }

func main() {
	cfg := &Config{Port: 4000, Root: "_site", ratio: 1.5e-3}
	x, y := 0x1F, 0755
	z := 3.14i + 2i
	r := 'a'
	esc := "tab\there \u00e9 \"quoted\""
	raw := `C:\raw\string`
	var ch = make(chan int, len(esc))
	go func() { ch <- x + y }()
	if v, ok := <-ch; ok && v != 0 {
		fmt.Println(v, z, r, raw, nil, true, iota)
	}
	http.Handle("/", http.FileServer(http.Dir(cfg.Root)))
	panic(http.ListenAndServe(cfg.Addr(), nil))
}

// ---- live reload: a watcher, a hub and a handler ----

type event struct {
	Path string
	At   time.Time
}

type hub struct {
	mu      sync.Mutex
	clients map[chan<- event]struct{}
	count   atomic.Int64
}

func newHub() *hub { return &hub{clients: make(map[chan<- event]struct{})} }

func (h *hub) subscribe(ch chan<- event) (unsubscribe func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.clients[ch] = struct{}{}
	return func() {
		h.mu.Lock()
		delete(h.clients, ch)
		h.mu.Unlock()
	}
}

func (h *hub) broadcast(e event) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	sent := 0
	for ch := range h.clients {
		select {
		case ch <- e:
			sent++
		default: // slow client: drop the event
		}
	}
	h.count.Add(int64(sent))
	return sent
}

// ServeHTTP streams server-sent events until the client goes away.
func (h *hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	events := make(chan event, 4)
	defer h.subscribe(events)()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-events:
			fmt.Fprintf(w, "data: %q\n\n", e.Path)
			flusher.Flush()
		}
	}
}

type Handler interface {
	http.Handler
	Name() string
}

var (
	errNotFound = errors.New("not found")
	debug       = os.Getenv("DEBUG") != ""
	octal       = 0o755
	hex         = 0xFF_FF
	float       = 1.5e-3
	imag        = 2i
	runeValue   = '\u00e9'
	raw         = `C:\sites\home "raw"`
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

func lookup[K comparable, V any](m map[K]V, key K) (V, error) {
	if v, ok := m[key]; ok {
		return v, nil
	}
	var zero V
	return zero, fmt.Errorf("lookup %v: %w", key, errNotFound)
}

func watch(ctx context.Context, root string, out chan<- event) {
	ticker := time.NewTicker(250 * time.Millisecond)
	defer ticker.Stop()
	seen := map[string]time.Time{}
	for {
		select {
		case <-ctx.Done():
			close(out)
			return
		case now := <-ticker.C:
			_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				info, _ := d.Info()
				if t, ok := seen[path]; !ok || info.ModTime().After(t) {
					seen[path] = info.ModTime()
					go func(p string) { out <- event{Path: p, At: now} }(path)
				}
				return nil
			})
		}
	}
}
