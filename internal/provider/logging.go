package provider

import (
	"context"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// tflogLogger sends the client's debug log to Terraform's log. The client
// already masks bodies; masking the provider's own key here as well means a
// mistake there still cannot put the key in a TF_LOG file.
type tflogLogger struct {
	secrets []string
}

func (l tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(l.masked(ctx), msg, fields)
}

// Warn sends the client's warnings to Terraform's log at WARN, masked as
// its debug log is (see Debug). The client warns when it
// recovered an API key's create whose answer was lost.
func (l tflogLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(l.masked(ctx), msg, fields)
}

// masked is ctx with the provider's own key masked in every message and
// field value logged through it.
func (l tflogLogger) masked(ctx context.Context) context.Context {
	ctx = tflog.MaskAllFieldValuesStrings(ctx, l.secrets...)
	return tflog.MaskMessageStrings(ctx, l.secrets...)
}

// QuietLogsUnlessAsked turns the SDK's and the provider's logs off when no
// TF_LOG* variable asks for any. terraform-plugin-log logs at TRACE when none
// is set, and Terraform, which then asked for nothing, throws every line
// away: a third of the provider's CPU for nothing (docs/benchmarks.md). Any
// TF_LOG* variable leaves logging exactly as the SDK sets it up. Call it
// before serving.
func QuietLogsUnlessAsked() {
	for _, kv := range os.Environ() {
		if name, value, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "TF_LOG") && value != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		_ = os.Setenv(name, "OFF")
	}
}
