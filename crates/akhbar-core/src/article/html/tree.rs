//! Parsing with a nesting guard. html5ever's tree builder scans its stack of
//! open elements on every tag, as the HTML standard writes it, so markup
//! nested N deep costs N² (servo/html5ever#788: 100,000 nested `<div>`s take
//! minutes). Browsers cap the tree at 512 levels; here the page is fed to the
//! parser in pieces through a sink that measures how deep each node lands,
//! and parsing stops once a node lands deeper than [`MAX_DEPTH`]. The caller
//! then reads the page as flat text ([`super::flat`]).

use std::borrow::Cow;
use std::cell::{Cell, Ref};

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{driver, Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// Deepest nesting parsed as a tree (the browsers' limit).
pub const MAX_DEPTH: usize = 512;

/// Bytes fed to the parser at a time.
const PIECE: usize = 4096;

/// scraper's sink, measuring the depth at which nodes are attached.
struct GuardedSink {
    inner: HtmlTreeSink,
    too_deep: Cell<bool>,
}

impl GuardedSink {
    /// Note a node attached under `parent` (ancestors walked at most `MAX_DEPTH + 1` steps).
    fn check(&self, parent: NodeId) {
        if self.too_deep.get() {
            return;
        }
        let html = self.inner.0.borrow();
        let mut depth = 0;
        let mut at = html.tree.get(parent);
        while let Some(n) = at {
            depth += 1;
            if depth > MAX_DEPTH {
                self.too_deep.set(true);
                return;
            }
            at = n.parent();
        }
    }
}

impl TreeSink for GuardedSink {
    type Handle = NodeId;
    type Output = (Html, bool);
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> (Html, bool) {
        let deep = self.too_deep.get();
        (self.inner.finish(), deep)
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.check(*parent);
        self.inner.append(parent, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.check(*prev_element);
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.check(*sibling);
        self.inner.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.check(*new_parent);
        self.inner.reparent_children(node, new_parent);
    }
}

/// Parse a page; `None` when it nests deeper than [`MAX_DEPTH`].
pub fn parse(src: &str) -> Option<Html> {
    let sink = GuardedSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        too_deep: Cell::new(false),
    };
    let mut parser = driver::parse_document(sink, Default::default());
    let mut at = 0;
    while at < src.len() {
        let mut end = (at + PIECE).min(src.len());
        while !src.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&src[at..end]));
        if parser.tokenizer.sink.sink.too_deep.get() {
            return None;
        }
        at = end;
    }
    let (html, deep) = parser.finish();
    (!deep).then_some(html)
}
