// Where require.js finds the widget code vendored into this site (_static/_widgets). The widget bundle finds its
// icon fonts next to its own module address; without these paths it asks for them under the page's folder (404).
(function () {
  var here = document.currentScript.src.split(/[?#]/)[0];
  var base = here.slice(0, here.lastIndexOf("/") + 1) + "_widgets";
  require.config({
    paths: {
      "@jupyter-widgets": base,
      "@jupyter-widgets/html-manager/dist": base
    }
  });
})();
