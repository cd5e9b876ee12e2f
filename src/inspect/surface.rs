//! A stage's attack surface: shell, package manager and libc from the table entry of the image
//! at the root of its FROM chain, and the user it runs as (the image's default or a USER).

use super::{Fact, Surface, UserFact, UserSource};
use crate::dockerfile::ast::Dockerfile;
use crate::dockerfile::images::Libc;
use crate::dockerfile::model::Stage;

pub(super) fn of(df: &Dockerfile, st: &Stage) -> Surface {
    let info = st.image_info.as_ref();
    Surface {
        shell: fact(info.and_then(|i| i.shell.clone())),
        package_manager: fact(info.and_then(|i| i.package_manager.clone())),
        libc: match info.and_then(|i| i.libc) {
            Some(Libc::Glibc) => Fact::Present("glibc".into()),
            Some(Libc::Musl) => Fact::Present("musl".into()),
            Some(Libc::None) => Fact::Absent,
            None => Fact::Unknown,
        },
        user: user(df, st),
    }
}

/// The table's `Some(Some(x))` / `Some(None)` / `None` as present / absent / unknown.
fn fact(known: Option<Option<String>>) -> Fact {
    match known {
        Some(Some(v)) => Fact::Present(v),
        Some(None) => Fact::Absent,
        None => Fact::Unknown,
    }
}

fn user(df: &Dockerfile, st: &Stage) -> UserFact {
    let (set_by, line) = match (st.user_instruction, &st.user) {
        (Some(i), _) => (
            UserSource::UserInstruction,
            Some(df.instructions[i].start_line as usize),
        ),
        (None, Some(_)) => (UserSource::ImageDefault, None),
        (None, None) => (UserSource::Unknown, None),
    };
    UserFact {
        name: st.user.clone(),
        unknown: st.user.is_none(),
        root: st.runs_as_root(),
        set_by,
        line,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Fact, UserSource, inspect};

    #[test]
    fn surface_of_known_images() {
        let r = inspect(
            "FROM node:22 AS build\nFROM gcr.io/distroless/nodejs22-debian13:nonroot\n\
             FROM alpine:3.20\nUSER app\n",
        );
        let node = &r.stages[0].surface;
        assert_eq!(node.shell, Fact::Present("/bin/sh".into()));
        assert_eq!(node.package_manager, Fact::Present("apt".into()));
        assert_eq!(node.libc, Fact::Present("glibc".into()));
        assert_eq!(node.user.name.as_deref(), Some("root"));
        assert_eq!(node.user.set_by, UserSource::ImageDefault);
        let dl = &r.stages[1].surface;
        assert_eq!(dl.shell, Fact::Absent);
        assert_eq!(dl.package_manager, Fact::Absent);
        assert_eq!(dl.user.root, Some(false));
        let alpine = &r.stages[2].surface;
        assert_eq!(alpine.libc, Fact::Present("musl".into()));
        assert_eq!(alpine.user.name.as_deref(), Some("app"));
        assert_eq!(alpine.user.set_by, UserSource::UserInstruction);
        assert_eq!(alpine.user.line, Some(4));
    }

    #[test]
    fn unknown_images_give_unknown() {
        let r = inspect("FROM mycorp/base:1\nRUN make\n");
        let s = &r.stages[0].surface;
        for fact in [&s.shell, &s.package_manager, &s.libc] {
            assert_eq!(fact, &Fact::Unknown);
            assert_eq!(fact.describe(), "unknown");
        }
        assert!(s.user.unknown && s.user.root.is_none());
        assert_eq!(s.user.set_by, UserSource::Unknown);
        let img = r.stages[0].image.as_ref().unwrap();
        assert!(img.unknown && img.table_id.is_none() && img.uncompressed.unknown);
        let size = &r.sizes.final_image.uncompressed;
        assert!(size.unknown && size.min_bytes.is_none() && !size.at_least);
    }
}
